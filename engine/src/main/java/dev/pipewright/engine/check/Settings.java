package dev.pipewright.engine.check;

import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Setting;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Suggestions;
import dev.pipewright.spi.ValueType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings each kind of block accepts, with the type of their values: unknown settings, a
 * setting given twice, and literals of the wrong type are reported here.
 */
enum Settings {
    PIPELINE("pipeline", ordered(
            "description", ValueType.STRING,
            "timeout", ValueType.DURATION,
            "max-parallel", ValueType.INT)),
    STAGE("stage", ordered(
            "uses", ValueType.ANY,
            "description", ValueType.STRING,
            "when", ValueType.BOOL,
            "for-each", ValueType.LIST,
            "timeout", ValueType.DURATION,
            "retry", ValueType.INT,
            "backoff", ValueType.DURATION,
            "optional", ValueType.BOOL,
            "cache", ValueType.BOOL,
            "snapshot", ValueType.BOOL,
            "with", ValueType.MAP)),
    PARALLEL("parallel block", ordered(
            "description", ValueType.STRING,
            "max", ValueType.INT));

    private final String blockKind;
    private final Map<String, ValueType> known;
    /** Each known setting's place in {@link #known}, so {@link #check} finds repeats in an array. */
    private final Map<String, Integer> positions = new HashMap<>();

    Settings(String blockKind, Map<String, ValueType> known) {
        this.blockKind = blockKind;
        this.known = known;
        known.keySet().forEach(name -> positions.put(name, positions.size()));
    }

    /** The settings of this block kind in their canonical order (the formatter's order too). */
    List<String> names() {
        return List.copyOf(known.keySet());
    }

    /**
     * Reports unknown and repeated settings and literal values of the wrong type.
     *
     * @param owner "stage `build`", for messages
     */
    void check(List<Setting> settings, String owner, Consumer<Diagnostic> report) {
        // Checked for every block of a file: an array indexed by position, not a map per block.
        Setting[] seen = new Setting[known.size()];
        for (Setting setting : settings) {
            String name = setting.name();
            Integer position = positions.get(name);
            if (position == null) {
                report.accept(Diagnostic.error(setting.key().span(), "unknown setting `" + name + "` in " + owner,
                        Suggestions.didYouMean(name, known.keySet())
                                .orElse("a " + blockKind + " takes " + String.join(", ", known.keySet()))));
                continue;
            }
            Setting first = seen[position];
            if (first != null) {
                report.accept(Diagnostic.error(setting.key().span(), "`" + name + "` is set twice in " + owner
                        + " (first at " + first.key().span().line() + ":" + first.key().span().column() + ")",
                        "keep one of them"));
                continue;
            }
            seen[position] = setting;
            checkValue(setting, known.get(name), report);
        }
    }

    private static void checkValue(Setting setting, ValueType wanted, Consumer<Diagnostic> report) {
        Expr value = setting.value();
        String name = setting.name();
        LiteralTypes.of(value).ifPresent(actual -> {
            if (!LiteralTypes.fits(actual, wanted)) {
                String hint = wanted == ValueType.DURATION && actual == ValueType.INT
                        ? "add a unit: `" + ((Expr.NumberLit) value).text() + "s`" : null;
                report.accept(Diagnostic.error(value.span(), "`" + name + "` takes " + LiteralTypes.article(wanted)
                        + ", not " + LiteralTypes.describe(value), hint));
            } else if (value instanceof Expr.NumberLit number) {
                int least = name.equals("retry") ? 0 : 1;
                if (number.value().signum() < 0 || number.value().compareTo(java.math.BigDecimal.valueOf(least)) < 0
                        || number.value().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    report.accept(Diagnostic.error(value.span(), "`" + name + "` must be a whole number from "
                            + least + " to " + Integer.MAX_VALUE + ", not " + number.text()));
                }
            } else if (value instanceof Expr.DurationLit duration && duration.value().isZero() && name.equals("timeout")) {
                report.accept(Diagnostic.error(value.span(), "`timeout` must be longer than zero",
                        "leave `timeout` out for no limit"));
            }
        });
        if (name.equals("with") && !(value instanceof Expr.MapLit)) {
            // Arguments are checked one by one against the schema, so they must be written out.
            if (LiteralTypes.of(value).isEmpty()) {
                report.accept(Diagnostic.error(value.span(), "`with` takes a map written out: `with { key = value }`"));
            }
        }
    }

    private static Map<String, ValueType> ordered(Object... pairs) {
        Map<String, ValueType> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (ValueType) pairs[i + 1]);
        }
        return map;
    }
}
