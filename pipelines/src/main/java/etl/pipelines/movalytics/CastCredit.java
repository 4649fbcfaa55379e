package etl.pipelines.movalytics;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A row of {@code s_movie_cast}: one cast credit. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class CastCredit {
  public final long movieId;
  public final String creditId;
  public final long personId;
  public final String personName;
  public final @Nullable Integer gender;
  public final @Nullable String character;
  public final @Nullable Integer castOrder;

  @SchemaCreate
  public CastCredit(
      long movieId,
      String creditId,
      long personId,
      String personName,
      @Nullable Integer gender,
      @Nullable String character,
      @Nullable Integer castOrder) {
    this.movieId = movieId;
    this.creditId = creditId;
    this.personId = personId;
    this.personName = personName;
    this.gender = gender;
    this.character = character;
    this.castOrder = castOrder;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CastCredit)) {
      return false;
    }
    CastCredit that = (CastCredit) o;
    return Objects.equals(movieId, that.movieId)
        && Objects.equals(creditId, that.creditId)
        && Objects.equals(personId, that.personId)
        && Objects.equals(personName, that.personName)
        && Objects.equals(gender, that.gender)
        && Objects.equals(character, that.character)
        && Objects.equals(castOrder, that.castOrder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(movieId, creditId, personId, personName, gender, character, castOrder);
  }

  @Override
  public String toString() {
    return "CastCredit{" + "movie_id=" + movieId + ", " + "credit_id=" + creditId + ", " + "person_id=" + personId + ", " + "person_name=" + personName + ", " + "gender=" + gender + ", " + "character=" + character + ", " + "cast_order=" + castOrder + "}";
  }
}
