package dev.pipewright.engine.resume;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What to do with one stage call: run it, or reuse an earlier result. */
public sealed interface Decision {

    /** How {@code pipewright explain} states it: "ran", "reused from ...", "ran again because ...". */
    String explain();

    /** Run it: there is no earlier result to compare with, or caching does not apply to it. */
    record Run() implements Decision {
        public String explain() {
            return "ran";
        }
    }

    /**
     * Do not run it: take the outputs of {@code source}, which had the same fingerprint.
     *
     * @param fromSnapshot the snapshot {@code source} took, when this run started the container it
     *     changed from that snapshot (so what it did is there without running it); else null
     */
    record Reuse(StageRecord source, String fromSnapshot) implements Decision {
        public Reuse {
            Objects.requireNonNull(source, "source is null");
        }

        public Reuse(StageRecord source) {
            this(source, null);
        }

        public String explain() {
            return "reused " + source.key() + " from run " + source.run() + " (fingerprint "
                    + source.fingerprint().abbreviated() + ")"
                    + (fromSnapshot == null ? "" : " from its snapshot " + abbreviated(fromSnapshot));
        }

        private static String abbreviated(String id) {
            return id.length() > 19 ? id.substring(0, 19) + "…" : id;
        }
    }

    /** Run it, although an earlier run had it: {@code reasons} say why that result does not do. */
    record RunAgain(List<Reason> reasons) implements Decision {
        public RunAgain {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("running again needs a reason");
            }
        }

        public String explain() {
            return "ran again because " + reasons.stream().map(Reason::describe).collect(Collectors.joining("; "));
        }
    }
}
