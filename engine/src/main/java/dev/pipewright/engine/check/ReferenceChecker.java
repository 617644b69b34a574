package dev.pipewright.engine.check;

import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.MapEntry;
import dev.pipewright.grammar.ast.Name;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Suggestions;
import dev.pipewright.spi.StageSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Checks every reference in an expression ({@code params.x}, {@code stages.build.id},
 * {@code item.url}, ...) against what exists where the expression is evaluated, and reports keys
 * given twice in a map literal.
 */
final class ReferenceChecker {

    private static final List<String> ROOTS = List.of("params", "stages", "env", "secret", "run", "pipeline", "item");
    private static final List<String> RUN_FIELDS = List.of("id", "dir");
    private static final List<String> PIPELINE_FIELDS = List.of("name");

    /**
     * Where an expression is evaluated.
     *
     * @param reader the stage evaluating it; empty for pipeline settings and parameter defaults,
     *     which are evaluated before any stage runs
     * @param itemDefined whether {@code item} is defined (inside a {@code for-each} stage)
     */
    record Scope(Optional<StagePlace> reader, boolean itemDefined) {
    }

    private final Set<String> params;
    private final Map<String, StagePlace> stages;
    private final StageCatalog catalog;
    private final Consumer<Diagnostic> report;

    ReferenceChecker(Set<String> params, Map<String, StagePlace> stages, StageCatalog catalog, Consumer<Diagnostic> report) {
        this.params = params;
        this.stages = stages;
        this.catalog = catalog;
        this.report = report;
    }

    void check(Expr expr, Scope scope) {
        if (expr instanceof Expr.Ref ref) {
            ref(ref, scope);
        } else if (expr instanceof Expr.StringLit string) {
            for (Expr.StringPart part : string.parts()) {
                if (part instanceof Expr.StringPart.Interpolation interpolation) {
                    check(interpolation.expr(), scope);
                }
            }
        } else if (expr instanceof Expr.ListLit list) {
            list.items().forEach(item -> check(item, scope));
        } else if (expr instanceof Expr.MapLit map) {
            duplicateKeys(map);
            map.entries().forEach(entry -> check(entry.value(), scope));
        } else if (expr instanceof Expr.Unary unary) {
            check(unary.operand(), scope);
        } else if (expr instanceof Expr.Binary binary) {
            check(binary.left(), scope);
            check(binary.right(), scope);
        }
    }

    private void duplicateKeys(Expr.MapLit map) {
        Map<String, MapEntry> seen = new HashMap<>();
        for (MapEntry entry : map.entries()) {
            MapEntry first = seen.putIfAbsent(entry.key(), entry);
            if (first != null) {
                report.accept(Diagnostic.error(entry.keySpan(), "`" + entry.key() + "` is given twice in this map (first at "
                        + first.keySpan().line() + ":" + first.keySpan().column() + ")", "keep one of them"));
            }
        }
    }

    private void ref(Expr.Ref ref, Scope scope) {
        List<Name> path = ref.path();
        String root = ref.root();
        switch (root) {
            case "params" -> named(ref, "a parameter", "params.NAME").ifPresent(name -> {
                if (!params.contains(name.value())) {
                    error(name, "unknown parameter `" + name.value() + "`",
                            Suggestions.didYouMean(name.value(), params).orElse(declareHint(name.value())));
                }
            });
            case "env", "secret" -> {
                named(ref, "an environment variable", root + ".NAME");
                tooLong(ref, 2);
            }
            case "run" -> field(ref, RUN_FIELDS);
            case "pipeline" -> field(ref, PIPELINE_FIELDS);
            case "item" -> {
                if (!scope.itemDefined()) {
                    error(path.get(0), "`item` is only defined in a stage with `for-each`",
                            "`item` is the current element of the stage's `for-each` list");
                }
            }
            case "stages" -> stage(ref, scope);
            default -> error(path.get(0), "unknown reference `" + ref.dotted() + "`",
                    Suggestions.didYouMean(root, ROOTS)
                            .orElse("references start with params, stages, env, secret, run, pipeline or item"));
        }
    }

    private String declareHint(String name) {
        return "declare it: `param " + name + ": string`";
    }

    /** The second segment of {@code root.NAME}, reporting when it is missing. */
    private Optional<Name> named(Expr.Ref ref, String what, String form) {
        if (ref.path().size() < 2) {
            error(ref.path().get(0), "`" + ref.root() + "` needs " + what + ": `" + form + "`", null);
            return Optional.empty();
        }
        return Optional.of(ref.path().get(1));
    }

    private void tooLong(Expr.Ref ref, int segments) {
        if (ref.path().size() > segments) {
            error(ref.path().get(segments), "`" + ref.dotted() + "` has too many parts; `" + ref.root()
                    + "` values are text", null);
        }
    }

    private void field(Expr.Ref ref, List<String> fields) {
        String form = ref.root() + "." + String.join("|", fields);
        named(ref, "a field", form).ifPresent(name -> {
            if (!fields.contains(name.value())) {
                error(name, "`" + ref.root() + "` has no field `" + name.value() + "`",
                        Suggestions.didYouMean(name.value(), fields)
                                .orElse("its fields are " + String.join(", ", fields)));
            } else {
                tooLong(ref, 2);
            }
        });
    }

    private void stage(Expr.Ref ref, Scope scope) {
        Optional<Name> named = named(ref, "a stage", "stages.NAME.OUTPUT");
        if (named.isEmpty()) {
            return;
        }
        Name name = named.get();
        StagePlace target = stages.get(name.value());
        if (target == null) {
            error(name, "unknown stage `" + name.value() + "`",
                    Suggestions.didYouMean(name.value(), stages.keySet()).orElse(null));
            return;
        }
        if (scope.reader().isEmpty()) {
            error(name, "`stages." + name.value() + "` cannot be read here: no stage has run yet when this is evaluated",
                    null);
            return;
        }
        Optional<String> why = scope.reader().get().cannotRead(target);
        if (why.isPresent()) {
            error(name, "stage `" + scope.reader().get().name() + "` reads `stages." + name.value()
                    + "`, but " + why.get(), "a stage can only read stages that run before it");
            return;
        }
        if (ref.path().size() < 3) {
            error(name, "`stages." + name.value() + "` needs an output: `stages." + name.value()
                    + ".status` or `stages." + name.value() + ".OUTPUT`", null);
            return;
        }
        output(target, ref.path().get(2));
    }

    private void output(StagePlace target, Name output) {
        if (output.value().equals("status")) {
            return;
        }
        Optional<String> type = target.stage().uses();
        Optional<StageSchema> schema = type.flatMap(catalog::schema);
        if (schema.isEmpty()) {
            return; // the unknown stage type is reported where `uses` names it
        }
        if (isOutput(schema.get(), output.value())
                || schema.get().argumentsAreOutputs() && isArgument(target, output.value())) {
            return;
        }
        // Only an unknown output pays for the sorted list of the known ones.
        Set<String> outputs = new TreeSet<>();
        if (schema.get().argumentsAreOutputs()) {
            target.stage().with().ifPresent(with -> with.entries().forEach(e -> outputs.add(e.key())));
        }
        schema.get().outputs().forEach(o -> outputs.add(o.name()));
        List<String> known = new ArrayList<>(outputs);
        known.add("status");
        error(output, "stage `" + target.name() + "` (" + type.get() + ") has no output `" + output.value() + "`",
                Suggestions.didYouMean(output.value(), known).orElse("its outputs are " + String.join(", ", known)));
    }

    // Loops rather than streams here and in isArgument: every `stages.X.Y` in a file comes here.
    private static boolean isOutput(StageSchema schema, String name) {
        for (StageSchema.Output output : schema.outputs()) {
            if (output.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArgument(StagePlace stage, String name) {
        Optional<Expr.MapLit> with = stage.stage().with();
        if (with.isPresent()) {
            for (MapEntry entry : with.get().entries()) {
                if (entry.key().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void error(Name at, String message, String hint) {
        report.accept(Diagnostic.error(at.span(), message, hint));
    }
}
