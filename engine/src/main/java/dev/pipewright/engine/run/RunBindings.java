package dev.pipewright.engine.run;

import dev.pipewright.engine.expr.Bindings;
import dev.pipewright.engine.expr.ExpressionException;
import dev.pipewright.engine.expr.Values;
import dev.pipewright.grammar.ast.Expr;
import java.util.Map;

/**
 * Resolves the references of LANGUAGE.md against a running pipeline. Reads live state, never a
 * copy: a stage's outputs are visible to the stages after it as soon as it has ended.
 *
 * @param item the current {@code for-each} element; {@link #NO_ITEM} outside {@code for-each}
 */
record RunBindings(Interpreter pipeline, Object item) implements Bindings {

    static final Object NO_ITEM = new Object();

    @Override
    public Object resolve(Expr.Ref ref) throws ExpressionException {
        String root = ref.root();
        switch (root) {
            case "params":
                return dig(ref, 2, pipeline.params().get(need(ref, 1)), pipeline.params().containsKey(need(ref, 1)),
                        "unknown parameter");
            case "stages":
                return stage(ref);
            case "env":
                return dig(ref, 2, pipeline.services().env.get(need(ref, 1)), true, null);
            case "secret": {
                String name = need(ref, 1);
                String value = pipeline.services().env.get(name);
                if (value == null) {
                    throw new ExpressionException("secret `" + name + "` is not set: export the environment variable "
                            + name + " before the run", ref.span());
                }
                pipeline.services().masker.register(value);
                return value;
            }
            case "run":
                return switch (need(ref, 1)) {
                    case "id" -> pipeline.services().runId;
                    case "dir" -> pipeline.services().directory.workDirectory().toString();
                    default -> throw unknown(ref, "`run` has `id` and `dir`");
                };
            case "pipeline":
                if (need(ref, 1).equals("name")) {
                    return pipeline.name();
                }
                throw unknown(ref, "`pipeline` has `name`");
            case "item":
                if (item == NO_ITEM) {
                    throw new ExpressionException("`item` is only defined inside a stage with `for-each`", ref.span());
                }
                return dig(ref, 1, item, true, null);
            default:
                throw unknown(ref, "references start with params, stages, env, secret, run, pipeline or item");
        }
    }

    private Object stage(Expr.Ref ref) throws ExpressionException {
        String name = need(ref, 1);
        StageSlot slot = pipeline.slot(name);
        if (slot == null) {
            throw new ExpressionException("unknown stage `" + name + "`", ref.span());
        }
        String field = need(ref, 2);
        StageResult result = slot.result();
        if (field.equals("status")) {
            return result == null ? StageStatus.PENDING.keyword() : result.status().keyword();
        }
        if (result == null || result.status() != StageStatus.SUCCEEDED) {
            return null;
        }
        return dig(ref, 3, result.outputs().get(field), true, null);
    }

    /** Walks {@code item.a.b} into maps. */
    private static Object dig(Expr.Ref ref, int from, Object value, boolean known, String unknownWhat)
            throws ExpressionException {
        if (!known) {
            throw new ExpressionException(unknownWhat + " `" + ref.path().get(from - 1).value() + "`", ref.span());
        }
        Object current = value;
        for (int i = from; i < ref.path().size(); i++) {
            String key = ref.path().get(i).value();
            if (current == null) {
                return null;
            }
            if (!(current instanceof Map<?, ?> map)) {
                throw new ExpressionException("cannot read `" + key + "` of `" + prefix(ref, i) + "`: it is a "
                        + Values.typeName(current) + ", not a map", ref.span());
            }
            current = map.get(key);
        }
        return current;
    }

    private static String prefix(Expr.Ref ref, int end) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            out.append(i == 0 ? "" : ".").append(ref.path().get(i).value());
        }
        return out.toString();
    }

    private static String need(Expr.Ref ref, int index) throws ExpressionException {
        if (ref.path().size() <= index) {
            throw new ExpressionException("`" + ref.dotted() + "` is incomplete", ref.span());
        }
        return ref.path().get(index).value();
    }

    private static ExpressionException unknown(Expr.Ref ref, String hint) {
        return new ExpressionException("unknown reference `" + ref.dotted() + "`: " + hint, ref.span());
    }
}
