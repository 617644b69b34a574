package dev.pipewright.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, which Maven fills from the project version. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"pipewright " + (version == null ? "(development build)" : version)};
    }
}
