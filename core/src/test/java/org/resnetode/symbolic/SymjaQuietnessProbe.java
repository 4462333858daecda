package org.resnetode.symbolic;

/**
 * Run in a fresh JVM by {@link SymbolicEngineTest}: first use of Symja, including an evaluation
 * that makes Symja emit a message. Nothing may reach stdout or stderr.
 */
public final class SymjaQuietnessProbe {

    private SymjaQuietnessProbe() {
    }

    public static void main(String[] args) {
        SymbolicEngine.eval("Integrate((2*s-1)^2,{s,0,1})");
        try {
            SymbolicEngine.eval("Sin(x,y,z)");
        } catch (IllegalStateException expected) {
            // the message was captured and turned into this exception, not printed
        }
    }
}
