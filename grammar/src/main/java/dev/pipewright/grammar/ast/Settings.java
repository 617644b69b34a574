package dev.pipewright.grammar.ast;

import java.util.List;
import java.util.Optional;

/** Lookup of settings by name; the first one wins (a repeated setting is a check error). */
final class Settings {
    private Settings() {
    }

    static Optional<Expr> find(List<Setting> settings, String name) {
        for (Setting setting : settings) {
            if (setting.name().equals(name)) {
                return Optional.of(setting.value());
            }
        }
        return Optional.empty();
    }
}
