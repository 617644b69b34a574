package dev.pipewright.engine.check;

import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.MapEntry;
import dev.pipewright.grammar.ast.SourceSpan;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Suggestions;
import dev.pipewright.spi.StageSchema;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Checks a stage's {@code uses} against the catalogue and its {@code with} map against the type's schema. */
final class ArgumentChecker {

    private final StageCatalog catalog;
    private final Consumer<Diagnostic> report;

    ArgumentChecker(StageCatalog catalog, Consumer<Diagnostic> report) {
        this.catalog = catalog;
        this.report = report;
    }

    void check(Block.Stage stage) {
        Optional<Expr> uses = stage.setting("uses");
        if (uses.isEmpty()) {
            report.accept(Diagnostic.error(stage.name().span(), "stage `" + stage.name().value() + "` has no `uses`",
                    "add `uses = core.exec` or another stage type; `pipewright stages` lists them"));
            return;
        }
        Expr value = uses.get();
        if (!(value instanceof Expr.Ref ref) || ref.path().size() != 2) {
            report.accept(Diagnostic.error(value.span(), "`uses` names a stage type as `namespace.name`",
                    "for example `uses = core.exec`"));
            return;
        }
        String type = ref.dotted();
        Optional<StageSchema> schema = catalog.schema(type);
        if (schema.isEmpty()) {
            report.accept(Diagnostic.error(value.span(), "unknown stage type `" + type + "`",
                    Suggestions.didYouMean(type, catalog.qualifiedNames()).orElse(unknownTypeHint(ref.root()))));
            return;
        }
        arguments(stage, type, schema.get());
    }

    private String unknownTypeHint(String namespace) {
        boolean namespaceKnown = catalog.qualifiedNames().stream().anyMatch(n -> n.startsWith(namespace + "."));
        return namespaceKnown
                ? "`pipewright stages` lists the installed stage types"
                : "no installed plugin provides `" + namespace + ".*`; add its jar with `--plugins DIR`";
    }

    private void arguments(Block.Stage stage, String type, StageSchema schema) {
        Optional<Expr.MapLit> with = stage.with();
        List<MapEntry> given = with.map(Expr.MapLit::entries).orElse(List.of());
        for (MapEntry entry : given) {
            Optional<StageSchema.Parameter> parameter = schema.parameter(entry.key());
            if (parameter.isEmpty()) {
                if (!schema.openArguments()) {
                    List<String> names = schema.parameters().stream().map(StageSchema.Parameter::name).toList();
                    report.accept(Diagnostic.error(entry.keySpan(), "unknown argument `" + entry.key() + "` for `" + type + "`",
                            Suggestions.didYouMean(entry.key(), names).orElse(names.isEmpty()
                                    ? "`" + type + "` takes no arguments"
                                    : "`" + type + "` takes " + String.join(", ", names))));
                }
                continue;
            }
            Expr value = entry.value();
            LiteralTypes.of(value).ifPresent(actual -> {
                if (!LiteralTypes.fits(actual, parameter.get().type())) {
                    report.accept(Diagnostic.error(value.span(), "argument `" + entry.key() + "` of `" + type + "` takes "
                            + LiteralTypes.article(parameter.get().type()) + ", not " + LiteralTypes.describe(value),
                            "`pipewright stages " + type + "` describes its arguments"));
                }
            });
        }
        for (StageSchema.Parameter parameter : schema.parameters()) {
            if (parameter.required() && given.stream().noneMatch(e -> e.key().equals(parameter.name()))) {
                report.accept(Diagnostic.error(missingArgumentsAt(stage, with.isPresent()), "stage `" + stage.name().value() + "` misses the argument `"
                        + parameter.name() + "` that `" + type + "` requires",
                        "add `with { " + parameter.name() + " = ... }`; `pipewright stages " + type
                                + "` describes its arguments"));
            }
        }
    }

    /** Where a missing argument is reported: at {@code with}, or at the stage's name without a {@code with} map. */
    private static SourceSpan missingArgumentsAt(Block.Stage stage, boolean withMap) {
        return withMap
                ? stage.settings().stream().filter(s -> s.name().equals("with")).findFirst().orElseThrow().key().span()
                : stage.name().span();
    }
}
