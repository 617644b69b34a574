/**
 * The stage plugin SPI: everything a plugin author compiles against, and the contract between a
 * plugin and the engine.
 *
 * <p>This package depends on the JDK only, on purpose (the build enforces it): the engine's plugin
 * class loader shares exactly this package with every plugin, so anything it named would leak
 * into every plugin's class path and could clash with a plugin's own libraries.
 *
 * <h2>Packaging and loading</h2>
 * <ul>
 *   <li>A plugin is one jar, or one folder of jars (the plugin's jar and the libraries it
 *       bundles), placed in a plugin directory: {@code --plugins DIR}, a directory of the
 *       {@code PIPEWRIGHT_PLUGINS} variable, or {@code ~/.pipewright/plugins}.</li>
 *   <li>It lists its {@link dev.pipewright.spi.StagePlugin} implementations in
 *       {@code META-INF/services/dev.pipewright.spi.StagePlugin}. Each names a namespace
 *       ({@code text}) and its {@link dev.pipewright.spi.StageType}s ({@code render}, used in
 *       pipelines as {@code uses = text.render}). The namespaces {@code core}, {@code docker}
 *       and {@code git} belong to the built-in plugins.</li>
 *   <li>Each plugin gets a class loader of its own whose parent is the platform class loader: it
 *       sees the JDK, its own jars (in file-name order) and this package, nothing of the engine
 *       and nothing of other plugins. Bundle every library you use; do not bundle this package
 *       (the engine's copy is always the one used). Put {@code Implementation-Version} in the
 *       jar's manifest: {@code pipewright stages} shows it.</li>
 *   <li>Right after loading, the engine checks each plugin: a valid namespace, stage type names
 *       that are identifiers, schemas without duplicate or malformed names, no stage type that
 *       another plugin already provides. A plugin that fails a check is reported (naming its jar
 *       and class) and left out; the other plugins still load.</li>
 * </ul>
 *
 * <h2>Schemas</h2>
 * A stage type declares a {@link dev.pipewright.spi.StageSchema}: typed parameters (required, or
 * optional with a default) and typed outputs, each with a one-line description. The engine checks
 * every pipeline against it before anything runs (unknown or missing arguments, literals of the
 * wrong type, references to outputs that are not declared), so
 * {@link dev.pipewright.spi.StageType#run} receives arguments of the declared types, with the
 * defaults filled in. {@link dev.pipewright.spi.StageType#schema()} is read once, when the plugin
 * is loaded.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@link dev.pipewright.spi.StageType#run} runs one attempt, on a thread of its own, and
 *       blocks until the attempt has ended. Attempts of the same stage type may run at the same
 *       time (in {@code parallel} blocks and {@code for-each}), so plugin and stage type instances
 *       are shared and must be thread-safe: keep per-attempt state in local variables.</li>
 *   <li>The thread's context class loader is the plugin's class loader while its code runs
 *       (loading, {@code run}, cleanup callbacks, {@code runEnded}, {@code preflight},
 *       {@code collectGarbage}, {@code collectSnapshots}, {@code checkReusable}); libraries
 *       that look classes up through it find the plugin's own.</li>
 *   <li>A thread the attempt starts must end before {@code run} returns or throws. The
 *       {@link dev.pipewright.spi.StageContext}, its logger and its progress reporter are valid
 *       only until then.</li>
 * </ul>
 *
 * <h2>Cancellation and cleanup</h2>
 * <ul>
 *   <li>On the stage's timeout, a failing sibling in a {@code parallel} block, the pipeline's
 *       timeout, Ctrl-C or SIGTERM, the engine fires the attempt's
 *       {@link dev.pipewright.spi.Cancellation}: it runs the callbacks registered with
 *       {@link dev.pipewright.spi.Cancellation#onCancel(Runnable)}, newest first, then interrupts
 *       the attempt's thread. The attempt should then end promptly, by throwing
 *       {@link java.lang.InterruptedException} or a {@link dev.pipewright.spi.StageFailure}; the
 *       engine waits a bounded grace period for it and then abandons the thread.</li>
 *   <li>Register a callback for every piece of work an interrupt alone does not stop, as soon as
 *       it exists: the process tree you started (kill it), the container you created (kill and
 *       remove it), the download or clone in flight (abort it and delete what is partial). Close
 *       the returned {@link dev.pipewright.spi.Cancellation.Registration} once that work has
 *       ended on its own. Callbacks are quick, do not throw, and may run on another thread.</li>
 *   <li>In long loops, call {@link dev.pipewright.spi.Cancellation#throwIfCancelled()} between
 *       steps; never swallow an {@link java.lang.InterruptedException}.</li>
 *   <li>What must not outlive the run but may outlive one attempt (containers labelled with the
 *       run id) is released in {@link dev.pipewright.spi.StagePlugin#runEnded(String)}; what a
 *       killed process left behind is found and removed by
 *       {@link dev.pipewright.spi.StagePlugin#collectGarbage} ({@code pipewright gc}), and
 *       snapshots no run can resume from any more by
 *       {@link dev.pipewright.spi.StagePlugin#collectSnapshots}.</li>
 * </ul>
 *
 * <h2>Logs, progress and outputs</h2>
 * <ul>
 *   <li>Report output line by line through {@link dev.pipewright.spi.StageContext#log()}
 *       ({@code stdout} for normal output, {@code stderr} for diagnostics); each line becomes a
 *       {@code stage:log} event. Secrets are masked by the engine.</li>
 *   <li>Report progress through {@link dev.pipewright.spi.StageContext#progress()}: a fraction
 *       from 0 to 1 when it is known, {@code null} when not, and a short message.</li>
 *   <li>Return the outputs as a map keyed by the output names the schema declares, with values
 *       of the declared {@link dev.pipewright.spi.ValueType}s.</li>
 * </ul>
 *
 * <h2>Failures and retries</h2>
 * <ul>
 *   <li>Throw {@link dev.pipewright.spi.StageFailure#permanent(String)} when another attempt
 *       cannot help (bad input, a missing file) and
 *       {@link dev.pipewright.spi.StageFailure#retryable(String)} when it may (a refused
 *       connection, a remote timeout). The engine retries only retryable failures, and only as
 *       often as the stage's {@code retry} setting allows, with its own backoff.</li>
 *   <li>Write the message for the person reading the console: what failed, with which input, and
 *       what to check. It is shown as it is, with the plugin's name; stack traces are not shown.</li>
 *   <li>Anything else that escapes {@code run} is still only the stage's failure, reported with
 *       the plugin's name: an unexpected exception counts as retryable, an {@link java.lang.Error}
 *       such as {@link java.lang.NoClassDefFoundError} or {@link java.lang.StackOverflowError} as
 *       permanent. A hang ends at the stage's timeout. The run and the other plugins go on.</li>
 * </ul>
 *
 * <h2>What a stage type must never do</h2>
 * <ul>
 *   <li>Call {@code System.exit}, {@code Runtime.halt} or change process-wide state (system
 *       properties, the default locale or time zone, security settings, standard streams).</li>
 *   <li>Write to {@code System.out} or {@code System.err}: the console belongs to the engine.</li>
 *   <li>Sleep to retry, or enforce its own timeout: retries, backoff and timeouts belong to the
 *       engine, once, for every stage type.</li>
 *   <li>Leave anything running after {@code run} has ended: threads, processes, containers.</li>
 *   <li>Do work in a constructor, {@code namespace()}, {@code stageTypes()} or
 *       {@code schema()}: the engine calls them to list or check stage types, without running
 *       anything. {@code preflight()} and {@code checkReusable} only look; they change
 *       nothing.</li>
 *   <li>Depend on engine classes, or on another plugin: neither is visible.</li>
 * </ul>
 */
package dev.pipewright.spi;
