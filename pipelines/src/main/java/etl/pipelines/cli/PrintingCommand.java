package etl.pipelines.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** A command that prints to this invocation's streams (tests capture them). */
public abstract class PrintingCommand implements Callable<Integer> {
  protected PrintStream out = System.out;
  protected PrintStream err = System.err;

  void streams(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }
}
