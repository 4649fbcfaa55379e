package etl.pipelines.core;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the business answers (the {@code answers} command, and the end of a load). */
public interface AnswerOptions extends ConnectionOptions {
  @Description(
      "Folder to write each answer to as CSV and JSON; without it answers are only printed.")
  String getAnswersDir();

  void setAnswersDir(String value);

  @Description(
      "Minimum number of ratings for a movie to rank in the highest-rated list (Bayesian m).")
  @Default.Integer(50)
  int getMinRatings();

  void setMinRatings(int value);

  @Description(
      "Minimum number of TMDB votes for a movie to rank in the TMDB-votes list (Bayesian m).")
  @Default.Integer(1000)
  int getMinVotes();

  void setMinVotes(int value);

  @Description(
      "After a load, answer the questions too (at full scale that takes minutes; a scheduled load "
          + "can leave them to the answers or report command with --answersAfterLoad=false).")
  @Default.Boolean(true)
  boolean getAnswersAfterLoad();

  void setAnswersAfterLoad(boolean value);

  @Description("Rows printed per answer (the files hold every row).")
  @Default.Integer(10)
  int getPrintRows();

  void setPrintRows(int value);
}
