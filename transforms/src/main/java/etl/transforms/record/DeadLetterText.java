package etl.transforms.record;

/** Keeps raw text that travels into the dead-letter table bounded, saying how much was cut. */
public final class DeadLetterText {
  /** Raw text kept per dead letter; enough to see the defect, small enough for any warehouse. */
  public static final int MAX_RAW_CHARS = 4000;

  private DeadLetterText() {}

  public static String truncate(String text) {
    return truncate(text, MAX_RAW_CHARS);
  }

  public static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = max;
    // Never split a surrogate pair: a lone surrogate is not valid text for the database.
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "…[truncated " + (text.length() - cut) + " chars]";
  }

  /** Replaces NUL, which no warehouse text column accepts, so the raw text can always be stored. */
  public static String storable(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
  }
}
