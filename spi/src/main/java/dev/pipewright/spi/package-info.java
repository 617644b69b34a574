/**
 * The stage plugin SPI: everything a plugin author compiles against.
 *
 * <p>This package depends on the JDK only, on purpose: the engine's plugin class loader shares
 * exactly this package with every plugin, so anything it named would leak into every plugin's
 * class path and could clash with a plugin's own libraries.
 *
 * <h2>The contract in one page</h2>
 * <ul>
 *   <li>A plugin jar lists one or more {@link dev.pipewright.spi.StagePlugin} implementations in
 *       {@code META-INF/services/dev.pipewright.spi.StagePlugin}. Each names a namespace
 *       ({@code docker}) and its {@link dev.pipewright.spi.StageType}s ({@code build}, used as
 *       {@code docker.build}).</li>
 *   <li>A stage type declares a {@link dev.pipewright.spi.StageSchema}: typed parameters and
 *       typed outputs. The engine checks every pipeline against it before anything runs, so
 *       {@link dev.pipewright.spi.StageType#run} receives arguments of the declared types, with
 *       defaults filled in.</li>
 *   <li>{@link dev.pipewright.spi.StageType#run} runs one attempt on a thread of its own and
 *       blocks until the attempt has ended. It returns the outputs, or throws a
 *       {@link dev.pipewright.spi.StageFailure} that says whether another attempt may help.</li>
 *   <li>Timeouts, retries, cancellation, optional stages and parallelism belong to the engine.
 *       A stage type never sleeps to retry, never starts threads it does not stop, never calls
 *       {@code System.exit}, and never writes to {@code System.out} or {@code System.err}: it
 *       reports through {@link dev.pipewright.spi.StageContext#log()} and
 *       {@link dev.pipewright.spi.StageContext#progress()}.</li>
 *   <li>On a timeout, a failing sibling or Ctrl-C the engine fires the attempt's
 *       {@link dev.pipewright.spi.Cancellation}: it runs the callbacks registered with
 *       {@link dev.pipewright.spi.Cancellation#onCancel(Runnable)} (kill the process, remove the
 *       container, abort the transfer) and interrupts the attempt's thread. The attempt should
 *       then end promptly; the engine waits a bounded grace period for it.</li>
 * </ul>
 */
package dev.pipewright.spi;
