package dev.pipewright.engine.expr;

import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Expr;
import dev.pipewright.grammar.ast.Finally;
import dev.pipewright.grammar.ast.MapEntry;
import dev.pipewright.grammar.ast.Param;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.grammar.ast.Setting;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of every {@code secret.NAME} a pipeline mentions. The engine masks their values from
 * the first event on, so a secret is hidden even when a process prints it (from its inherited
 * environment) before the stage that names it has run.
 */
public final class SecretReferences {

    private final Set<String> names = new LinkedHashSet<>();

    private SecretReferences() {
    }

    public static Set<String> in(Pipeline pipeline) {
        SecretReferences found = new SecretReferences();
        found.settings(pipeline.settings());
        for (Param param : pipeline.params()) {
            param.defaultValue().ifPresent(found::expr);
        }
        for (Block block : pipeline.body()) {
            if (block instanceof Block.Parallel parallel) {
                found.settings(parallel.settings());
                parallel.stages().forEach(stage -> found.settings(stage.settings()));
            } else {
                found.settings(((Block.Stage) block).settings());
            }
        }
        for (Finally block : pipeline.finallyBlocks()) {
            block.stages().forEach(stage -> found.settings(stage.settings()));
        }
        return found.names;
    }

    private void settings(List<Setting> settings) {
        settings.forEach(setting -> expr(setting.value()));
    }

    private void expr(Expr expr) {
        if (expr instanceof Expr.Ref ref) {
            if (ref.root().equals("secret") && ref.path().size() > 1) {
                names.add(ref.path().get(1).value());
            }
        } else if (expr instanceof Expr.StringLit s) {
            for (Expr.StringPart part : s.parts()) {
                if (part instanceof Expr.StringPart.Interpolation i) {
                    expr(i.expr());
                }
            }
        } else if (expr instanceof Expr.ListLit l) {
            l.items().forEach(this::expr);
        } else if (expr instanceof Expr.MapLit m) {
            for (MapEntry entry : m.entries()) {
                expr(entry.value());
            }
        } else if (expr instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (expr instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        }
    }
}
