/**
 * Runs a stage type in a test as the engine would, without the engine: {@link
 * dev.pipewright.testkit.TestStageContext} gives one attempt checked arguments, a real
 * cancellation signal ({@link dev.pipewright.testkit.TestCancellation}), a thread of its own, and
 * collects what it logs and reports. Depends on the SPI only, for the engine's tests, the
 * built-in plugins' and third-party plugins'.
 */
package dev.pipewright.testkit;
