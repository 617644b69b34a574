package dev.pipewright.engine.check;

import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Finally;
import dev.pipewright.grammar.ast.Name;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.ast.Setting;
import dev.pipewright.grammar.ast.SourceSpan;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.Diagnostics;
import dev.pipewright.grammar.diag.Suggestions;
import dev.pipewright.spi.ValueType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that run before anything runs (LANGUAGE.md, "Checks before anything runs"):
 * settings, parameters, names, stage types and their arguments, references and the order of
 * stages. Reports every problem, not only the first.
 */
public final class Validator {

    private final PipelineFile file;
    private final StageCatalog catalog;
    private final Diagnostics sink = new Diagnostics();

    private Validator(PipelineFile file, StageCatalog catalog) {
        this.file = file;
        this.catalog = catalog;
    }

    /**
     * Checks a parsed file.
     *
     * @param suppliedParams the parameter values given for a run ({@code -p}, parameters file);
     *     when present, unknown names, values of the wrong type and required parameters without a
     *     value are errors; when empty (a file checked on its own), required parameters may stay open
     * @return every problem, sorted by position
     */
    public static List<Diagnostic> check(PipelineFile file, StageCatalog catalog, Optional<Map<String, Object>> suppliedParams) {
        Validator validator = new Validator(file, catalog);
        validator.checkPipeline(suppliedParams);
        return validator.sink.sorted();
    }

    /**
     * Parses and checks a file: the syntax first, then, when the syntax is sound, everything else.
     *
     * @return the AST when there is no error at all, and every diagnostic
     */
    public static ParseResult parseAndCheck(String path, String source, StageCatalog catalog,
            Optional<Map<String, Object>> suppliedParams) {
        ParseResult parsed = PipelineParser.parse(path, source);
        if (parsed.file().isEmpty()) {
            return parsed;
        }
        List<Diagnostic> found = check(parsed.file().get(), catalog, suppliedParams);
        boolean errors = found.stream().anyMatch(Diagnostic::isError);
        return new ParseResult(errors ? Optional.empty() : parsed.file(), found);
    }

    private void checkPipeline(Optional<Map<String, Object>> suppliedParams) {
        Pipeline pipeline = file.pipeline();
        String owner = "pipeline `" + pipeline.name().value() + "`";
        Settings.PIPELINE.check(pipeline.settings(), owner, sink::report);

        Map<String, Param> params = params(pipeline.params());
        Map<String, StagePlace> stages = stagePlaces(pipeline);
        ReferenceChecker references = new ReferenceChecker(params.keySet(), stages, catalog, sink::report);
        ReferenceChecker.Scope beforeAnyStage = new ReferenceChecker.Scope(Optional.empty(), false);
        pipeline.settings().forEach(s -> references.check(s.value(), beforeAnyStage));
        pipeline.params().forEach(p -> p.defaultValue().ifPresent(d -> references.check(d, beforeAnyStage)));

        ArgumentChecker arguments = new ArgumentChecker(catalog, sink::report);
        for (StagePlace place : stages.values()) {
            Block.Stage stage = place.stage();
            Settings.STAGE.check(stage.settings(), "stage `" + stage.name().value() + "`", sink::report);
            arguments.check(stage);
            boolean forEach = stage.setting("for-each").isPresent();
            for (Setting setting : stage.settings()) {
                if (!setting.name().equals("uses")) {
                    boolean itemDefined = forEach && !setting.name().equals("for-each");
                    references.check(setting.value(), new ReferenceChecker.Scope(Optional.of(place), itemDefined));
                }
            }
        }
        for (Block block : pipeline.body()) {
            if (block instanceof Block.Parallel parallel) {
                Settings.PARALLEL.check(parallel.settings(), "parallel block `" + parallel.name().value() + "`", sink::report);
                Optional<StagePlace> first = parallel.stages().stream().findFirst().map(s -> stages.get(s.name().value()));
                parallel.settings().forEach(s -> references.check(s.value(), new ReferenceChecker.Scope(first, false)));
                if (parallel.stages().isEmpty()) {
                    sink.report(Diagnostic.warning(parallel.name().span(), "parallel block `" + parallel.name().value()
                            + "` has no stages", "add stages to it or remove it"));
                }
            }
        }
        List<Finally> finallyBlocks = pipeline.finallyBlocks();
        for (int i = 1; i < finallyBlocks.size(); i++) {
            Finally first = finallyBlocks.get(0);
            sink.report(Diagnostic.error(spanOfKeyword(finallyBlocks.get(i)), "a pipeline has at most one `finally` block"
                    + " (the first is at " + first.span().line() + ":" + first.span().column() + ")",
                    "move these stages into the first `finally` block"));
        }
        suppliedParams.ifPresent(values -> suppliedValues(pipeline, params, values));
    }

    private static SourceSpan spanOfKeyword(Finally block) {
        SourceSpan s = block.span();
        return new SourceSpan(s.file(), s.line(), s.column(), s.line(), s.column() + "finally".length() - 1);
    }

    private Map<String, Param> params(List<Param> declared) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (Param param : declared) {
            Param first = params.putIfAbsent(param.name().value(), param);
            if (first != null) {
                sink.report(Diagnostic.error(param.name().span(), "parameter `" + param.name().value()
                        + "` is declared twice (first at " + first.name().span().line() + ":" + first.name().span().column() + ")",
                        "keep one of them"));
                continue;
            }
            param.type().ifPresent(type -> {
                ValueType named = ValueType.byKeyword(type.value());
                if (named == null || !ParamTypes.DECLARABLE.contains(named)) {
                    Set<String> names = ParamTypes.DECLARABLE.stream().map(ValueType::keyword)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    sink.report(Diagnostic.error(type.span(), "unknown type `" + type.value() + "`",
                            Suggestions.didYouMean(type.value(), names).orElse("the types are " + String.join(", ", names))));
                }
            });
            param.defaultValue().ifPresent(value -> defaultValue(param, value));
        }
        return params;
    }

    private void defaultValue(Param param, Expr value) {
        ValueType type = ParamTypes.of(param);
        Optional<ValueType> actual = LiteralTypes.of(value);
        if (param.type().isEmpty() && actual.orElse(null) == ValueType.NUMBER) {
            sink.report(Diagnostic.error(value.span(), "parameters take whole numbers only, not `"
                    + ((Expr.NumberLit) value).text() + "`", "write it as a string: `\"" + ((Expr.NumberLit) value).text() + "\"`"));
        } else if (type != ValueType.ANY && actual.isPresent() && !LiteralTypes.fits(actual.get(), type)) {
            sink.report(Diagnostic.error(value.span(), "the default of `" + param.name().value() + "` is "
                    + LiteralTypes.describe(value) + ", but its type is " + type.keyword(), null));
        }
    }

    private Map<String, StagePlace> stagePlaces(Pipeline pipeline) {
        Map<String, StagePlace> places = new LinkedHashMap<>();
        Map<String, Name> blockNames = new LinkedHashMap<>();
        List<Block> body = pipeline.body();
        for (int i = 0; i < body.size(); i++) {
            Block block = body.get(i);
            if (block instanceof Block.Stage stage) {
                place(places, blockNames, new StagePlace(stage, i, Optional.empty(), false));
            } else if (block instanceof Block.Parallel parallel) {
                unique(blockNames, parallel.name(), "parallel block");
                for (Block.Stage stage : parallel.stages()) {
                    place(places, blockNames, new StagePlace(stage, i, Optional.of(parallel), false));
                }
            }
        }
        for (Finally block : pipeline.finallyBlocks()) {
            List<Block.Stage> stages = block.stages();
            for (int i = 0; i < stages.size(); i++) {
                place(places, blockNames, new StagePlace(stages.get(i), i, Optional.empty(), true));
            }
        }
        return places;
    }

    private void place(Map<String, StagePlace> places, Map<String, Name> names, StagePlace place) {
        if (unique(names, place.stage().name(), "stage")) {
            places.put(place.name(), place);
        }
    }

    private boolean unique(Map<String, Name> names, Name name, String kind) {
        Name first = names.putIfAbsent(name.value(), name);
        if (first != null) {
            sink.report(Diagnostic.error(name.span(), "the name `" + name.value() + "` is already used at "
                    + first.span().line() + ":" + first.span().column(), "give this " + kind + " a name of its own"));
            return false;
        }
        return true;
    }

    private void suppliedValues(Pipeline pipeline, Map<String, Param> params, Map<String, Object> values) {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            Param param = params.get(value.getKey());
            if (param == null) {
                sink.report(Diagnostic.error(pipeline.name().span(), "pipeline `" + pipeline.name().value()
                        + "` has no parameter `" + value.getKey() + "`, but a value was given for it",
                        Suggestions.didYouMean(value.getKey(), params.keySet()).orElse("remove `-p " + value.getKey() + "=...`")));
                continue;
            }
            try {
                ParamTypes.convert(ParamTypes.of(param), value.getValue());
            } catch (IllegalArgumentException bad) {
                sink.report(Diagnostic.error(param.name().span(), "the value given for `" + param.name().value()
                        + "` does not fit its type " + ParamTypes.of(param).keyword() + ": " + bad.getMessage(), null));
            }
        }
        for (Param param : params.values()) {
            if (param.required() && !values.containsKey(param.name().value())) {
                sink.report(Diagnostic.error(param.name().span(), "parameter `" + param.name().value()
                        + "` is required and has no value", "give it one with `-p " + param.name().value() + "=VALUE`"));
            }
        }
    }
}
