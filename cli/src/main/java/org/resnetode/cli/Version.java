package org.resnetode.cli;

import picocli.CommandLine;

/** The version every command prints with --version. */
final class Version implements CommandLine.IVersionProvider {
    static final String TEXT = "resnet-ode 0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {TEXT};
    }
}
