package etl.transforms.check;

import java.io.Serializable;

/** Outcome of one check: how many rows violated it and a few of them, rendered as text. */
public record CheckResult(String name, long violations, String sample) implements Serializable {
  public boolean passed() {
    return violations == 0;
  }

  @Override
  public String toString() {
    return name
        + (passed() ? ": pass" : ": FAIL, " + violations + " violating rows, e.g. " + sample);
  }
}
