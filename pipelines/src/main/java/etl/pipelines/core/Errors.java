package etl.pipelines.core;

import java.sql.SQLException;

/** The one way a failure becomes a message for people: one line, its root cause. */
public final class Errors {
  private Errors() {}

  /** The deepest cause's first line; prefixed with its type unless it explains itself. */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t.getMessage() == null) {
      return t.toString();
    }
    boolean selfExplaining =
        t instanceof SQLException || t instanceof ConfigException || t instanceof RunFailed;
    return selfExplaining
        ? firstLine(t.getMessage())
        : t.getClass().getSimpleName() + ": " + firstLine(t.getMessage());
  }

  /** A run that ended without publishing, for a reason its message says in full. */
  public static final class RunFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailed(String message) {
      super(message);
    }
  }

  public static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
