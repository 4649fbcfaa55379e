package etl.pipelines.movalytics;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.SimpleFunction;

/** Records that become several staged rows: a movie's genres, a movie's cast, crew, keywords. */
final class FanOut {
  private FanOut() {}

  /** A movie's genres, in their order in the metadata (1-based). */
  static final class Genres extends SimpleFunction<MovieRecord, List<MovieGenre>> {
    @Override
    public List<MovieGenre> apply(MovieRecord m) {
      List<MovieGenre> rows = new ArrayList<>();
      for (int i = 0; i < m.getGenres().size(); i++) {
        Genre g = m.getGenres().get(i);
        rows.add(MovieGenre.create(m.getMovieId(), g.getGenreId(), g.getName(), i + 1));
      }
      return rows;
    }
  }

  static final class Cast extends SimpleFunction<CreditsRecord, List<CastCredit>> {
    @Override
    public List<CastCredit> apply(CreditsRecord c) {
      return c.getCast();
    }
  }

  static final class Crew extends SimpleFunction<CreditsRecord, List<CrewCredit>> {
    @Override
    public List<CrewCredit> apply(CreditsRecord c) {
      return c.getCrew();
    }
  }

  static final class Keywords extends SimpleFunction<KeywordsRecord, List<MovieKeyword>> {
    @Override
    public List<MovieKeyword> apply(KeywordsRecord k) {
      return k.getKeywords();
    }
  }
}
