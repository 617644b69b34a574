package dev.pipewright.grammar.ast;

import java.util.List;
import java.util.Optional;

/** What a pipeline body holds: stages and parallel blocks. */
public sealed interface Block extends Node permits Block.Stage, Block.Parallel {

    Name name();

    /**
     * {@code stage NAME { uses = ..., with { ... }, when = ..., ... }}.
     */
    record Stage(Name name, List<Setting> settings, SourceSpan span) implements Block {
        public Stage {
            settings = List.copyOf(settings);
        }

        public Optional<Expr> setting(String key) {
            return Settings.find(settings, key);
        }

        /** The {@code uses} setting as {@code namespace.name}, when it is a well-formed reference. */
        public Optional<String> uses() {
            return setting("uses").filter(Expr.Ref.class::isInstance).map(e -> ((Expr.Ref) e).dotted());
        }

        /** The {@code with} map; empty when not given. */
        public Optional<Expr.MapLit> with() {
            return setting("with").filter(Expr.MapLit.class::isInstance).map(Expr.MapLit.class::cast);
        }
    }

    /** {@code parallel NAME { max = N  stage ... }}. */
    record Parallel(Name name, List<Setting> settings, List<Stage> stages, SourceSpan span) implements Block {
        public Parallel {
            settings = List.copyOf(settings);
            stages = List.copyOf(stages);
        }

        public Optional<Expr> setting(String key) {
            return Settings.find(settings, key);
        }
    }
}
