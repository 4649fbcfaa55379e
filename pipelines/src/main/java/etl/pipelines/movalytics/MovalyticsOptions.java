package etl.pipelines.movalytics;

import etl.pipelines.core.AnswerOptions;
import etl.pipelines.core.WarehouseOptions;
import org.apache.beam.sdk.options.Description;

/**
 * Movalytics inputs: by default the Kaggle file names under {@code --input}; each can be pointed
 * elsewhere (e.g. {@code --ratings=<input>/ratings_small.csv}).
 */
public interface MovalyticsOptions extends WarehouseOptions, AnswerOptions {
  @Description("movies_metadata.csv; default <input>/movies_metadata.csv")
  String getMovies();

  void setMovies(String value);

  @Description("ratings.csv; default <input>/ratings.csv")
  String getRatings();

  void setRatings(String value);

  @Description("links.csv; default <input>/links.csv")
  String getLinks();

  void setLinks(String value);

  @Description("credits.csv (optional); default <input>/credits.csv")
  String getCredits();

  void setCredits(String value);

  @Description("keywords.csv (optional); default <input>/keywords.csv")
  String getKeywords();

  void setKeywords(String value);

  @Description("The FRED CPI series CUSR0000SS62031; default <input>/consumer_price_index.csv")
  String getCpi();

  void setCpi(String value);

  @Description("Base month (YYYY-MM) of CPI-adjusted revenue; default the series' latest month.")
  String getCpiBaseMonth();

  void setCpiBaseMonth(String value);
}
