package dev.pipewright.engine.run;

import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Setting;

/**
 * A stage's settings as the interpreter reads them, found once per stage when the run starts
 * rather than looked up by name at every use (a chain of thousands of small stages showed those
 * look-ups in profiles). Expressions stay expressions: they are evaluated when the stage runs.
 * The first of a repeated setting wins, as {@link Block.Stage#setting} has it.
 *
 * @param uses the qualified stage type ({@code docker.build}); null when not a well-formed reference
 * @param with the {@code with} map; null when not given
 * @param when {@code when}; null when not given (and so for the other expressions)
 * @param optional {@code optional = true}
 * @param cache the {@code cache} literal; null when not given
 * @param snapshot {@code snapshot = true}
 */
record StageSettings(
        String uses, Expr.MapLit with, Expr when, Expr forEach, Expr retry, Expr timeout, Expr backoff,
        boolean optional, Boolean cache, boolean snapshot) {

    static StageSettings of(Block.Stage stage) {
        return new StageSettings(stage.uses().orElse(null), stage.with().orElse(null), expr(stage, "when"),
                expr(stage, "for-each"), expr(stage, "retry"), expr(stage, "timeout"), expr(stage, "backoff"),
                Boolean.TRUE.equals(bool(stage, "optional")), bool(stage, "cache"),
                Boolean.TRUE.equals(bool(stage, "snapshot")));
    }

    /** The stage type as messages name it: {@code ?} when the stage has none. */
    String usesOrUnknown() {
        return uses == null ? "?" : uses;
    }

    private static Expr expr(Block.Stage stage, String key) {
        for (Setting setting : stage.settings()) {
            if (setting.name().equals(key)) {
                return setting.value();
            }
        }
        return null;
    }

    /** A bool literal's value; null when the setting is absent or not a literal. */
    private static Boolean bool(Block.Stage stage, String key) {
        return expr(stage, key) instanceof Expr.BoolLit literal ? literal.value() : null;
    }
}
