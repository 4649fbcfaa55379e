package etl.pipelines.sparkify;

import etl.pipelines.core.WarehouseOptions;
import org.apache.beam.sdk.options.Description;

/** Sparkify's inputs: by default {@code <input>/song_data/**} and {@code <input>/log_data/**}. */
public interface SparkifyOptions extends WarehouseOptions {
  @Description("File pattern of the song files; default <input>/song_data/**/*.json")
  String getSongs();

  void setSongs(String value);

  @Description("File pattern of the event logs; default <input>/log_data/**/*.json")
  String getEvents();

  void setEvents(String value);
}
