package etl.pipelines.core;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where the warehouse is: an external database by {@code --jdbcUrl}, or the embedded PostgreSQL. No
 * option carries a password: it comes from the AWS Secrets Manager secret named by {@code
 * --dbPasswordSecret}, the file named by {@code --dbPasswordFile} or the environment variable named
 * by {@code --dbPasswordEnv}, because runners print and display their options.
 */
public interface ConnectionOptions extends PipelineOptions {
  @Description(
      "JDBC URL of the warehouse (jdbc:postgresql://… for PostgreSQL ≥ 15, jdbc:redshift://…). "
          + "Without it, an embedded PostgreSQL is started for the run.")
  String getJdbcUrl();

  void setJdbcUrl(String value);

  @Description("Database user for --jdbcUrl.")
  String getDbUser();

  void setDbUser(String value);

  @Description("Name of the environment variable holding the database password.")
  @Default.String("WAREHOUSE_PASSWORD")
  String getDbPasswordEnv();

  void setDbPasswordEnv(String value);

  @Description("File holding the database password (first line); read instead of the environment.")
  String getDbPasswordFile();

  void setDbPasswordFile(String value);

  @Description(
      "AWS Secrets Manager secret (name or ARN) holding the database password: the secret's text, "
          + "or the \"password\" field of a JSON secret (as Redshift and RDS store them). Read "
          + "instead of the environment and --dbPasswordFile. Region from --awsRegion; credentials "
          + "from the AWS default chain.")
  String getDbPasswordSecret();

  void setDbPasswordSecret(String value);

  @Description("Endpoint of AWS Secrets Manager for --dbPasswordSecret (default: the region's).")
  String getSecretsManagerEndpoint();

  void setSecretsManagerEndpoint(String value);

  @Description(
      "Data directory of the embedded PostgreSQL. Given, the warehouse is kept there after the run "
          + "and reused by the next one; absent, a temporary one is deleted at the end.")
  String getEmbeddedDataDir();

  void setEmbeddedDataDir(String value);

  @Description(
      "Keep the embedded PostgreSQL running after the run and print how to connect, until Ctrl-C.")
  @Default.Boolean(false)
  boolean getKeepRunning();

  void setKeepRunning(boolean value);
}
