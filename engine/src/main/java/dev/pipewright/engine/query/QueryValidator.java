package dev.pipewright.engine.query;

import dev.pipewright.engine.query.QuerySchema.ArgSpec;
import dev.pipewright.engine.query.QuerySchema.ArgType;
import dev.pipewright.engine.query.QuerySchema.FieldSpec;
import dev.pipewright.engine.query.QuerySchema.ObjectType;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.grammar.query.Argument;
import dev.pipewright.grammar.query.Field;
import dev.pipewright.grammar.query.Query;
import dev.pipewright.grammar.query.QueryDiagnostic;
import dev.pipewright.grammar.query.QueryException;
import dev.pipewright.grammar.query.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a query against the {@link QuerySchema}, reporting every problem with its position. */
public final class QueryValidator {

    private final List<QueryDiagnostic> problems = new ArrayList<>();

    private QueryValidator() {
    }

    /** Throws a {@link QueryException} listing every problem, or returns quietly. */
    public static void validate(Query query) {
        QueryValidator validator = new QueryValidator();
        validator.selection(query.fields(), ObjectType.ROOT);
        if (!validator.problems.isEmpty()) {
            throw new QueryException(query.source(), validator.problems);
        }
    }

    private void selection(List<Field> fields, ObjectType type) {
        Set<String> seen = new HashSet<>();
        for (Field field : fields) {
            String name = field.name().value();
            var spec = QuerySchema.field(type, name);
            if (spec.isEmpty()) {
                List<String> known = QuerySchema.fields(type).stream().map(FieldSpec::name).toList();
                problems.add(new QueryDiagnostic(field.name().span(), "unknown field `" + name + "` of "
                        + type.description() + hint(name, known) + "; its fields are " + list(known)));
                continue;
            }
            if (!seen.add(name)) {
                problems.add(new QueryDiagnostic(field.name().span(), "`" + name + "` is selected twice here"));
            }
            field(field, spec.get());
        }
    }

    private void field(Field field, FieldSpec spec) {
        String name = spec.name();
        Set<String> given = new HashSet<>();
        for (Argument argument : field.arguments()) {
            String argumentName = argument.name().value();
            var argSpec = spec.argument(argumentName);
            if (argSpec.isEmpty()) {
                List<String> known = spec.arguments().stream().map(ArgSpec::name).toList();
                problems.add(new QueryDiagnostic(argument.name().span(), known.isEmpty()
                        ? "`" + name + "` takes no arguments"
                        : "unknown argument `" + argumentName + "` of `" + name + "`" + hint(argumentName, known)
                                + "; its arguments are " + list(known)));
                continue;
            }
            if (!given.add(argumentName)) {
                problems.add(new QueryDiagnostic(argument.name().span(), "argument `" + argumentName + "` is given twice"));
            }
            value(name, argSpec.get(), argument.value());
        }
        for (ArgSpec argSpec : spec.arguments()) {
            if (argSpec.required() && !given.contains(argSpec.name())) {
                problems.add(new QueryDiagnostic(field.name().span(), "`" + name + "` needs the argument `"
                        + argSpec.name() + "` (" + argSpec.description() + "), e.g. `" + name + "(" + argSpec.name()
                        + ": \"...\")`"));
            }
        }
        if (spec.needsSelection() && !field.hasSelection()) {
            List<String> known = QuerySchema.fields(spec.of()).stream().map(FieldSpec::name).toList();
            problems.add(new QueryDiagnostic(field.span(), "`" + name + "` needs a selection of fields in braces, e.g. `"
                    + name + " { " + known.get(0) + " " + known.get(known.size() > 2 ? 2 : 1) + " }`; the fields of "
                    + spec.of().description() + " are " + list(known)));
        } else if (!spec.needsSelection() && field.hasSelection()) {
            problems.add(new QueryDiagnostic(field.span(), "`" + name + "` is a value and takes no selection in braces"));
        } else if (field.hasSelection()) {
            if (field.selection().isEmpty()) {
                problems.add(new QueryDiagnostic(field.span(), "the selection of `" + name + "` is empty; its fields are "
                        + list(QuerySchema.fields(spec.of()).stream().map(FieldSpec::name).toList())));
            }
            selection(field.selection(), spec.of());
        }
    }

    private void value(String fieldName, ArgSpec spec, Value value) {
        String where = "argument `" + spec.name() + "` of `" + fieldName + "`";
        if (spec.type() == ArgType.INT) {
            if (!(value instanceof Value.Int number) || number.value() < 1) {
                problems.add(new QueryDiagnostic(value.span(), where + " must be " + spec.type().description()
                        + ", not " + value.display()));
            }
            return;
        }
        if (value instanceof Value.Int) {
            problems.add(new QueryDiagnostic(value.span(), where + " must be a string, e.g. \"" + value.display()
                    + "\""));
            return;
        }
        String text = QueryExecutor.text(value);
        if (spec.name().equals("state") && RunStatus.parse(text).isEmpty()) {
            List<String> states = Arrays.stream(RunStatus.values()).map(RunStatus::label).toList();
            problems.add(new QueryDiagnostic(value.span(), "unknown state " + value.display() + hint(text, states)
                    + "; a run is " + list(states)));
        } else if (spec.name().equals("type") && fieldName.equals("events") && !EventFields.knownType(text)) {
            problems.add(new QueryDiagnostic(value.span(), "unknown event type " + value.display()
                    + hint(text, QuerySchema.EVENT_TYPES) + "; the types are " + list(QuerySchema.EVENT_TYPES)
                    + " (or `pipeline`, `stage` for a whole family)"));
        }
    }

    private static String hint(String typed, List<String> known) {
        return DidYouMean.closest(typed, known).map(match -> " (did you mean `" + match + "`?)").orElse("");
    }

    private static String list(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }
}
