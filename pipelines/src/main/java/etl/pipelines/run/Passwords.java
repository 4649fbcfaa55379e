package etl.pipelines.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import etl.pipelines.core.ConfigException;
import etl.pipelines.core.ConnectionOptions;
import etl.pipelines.core.Errors;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Where the warehouse password comes from — never an option's value, because runners print and
 * display their options. In order: the AWS Secrets Manager secret named by {@code
 * --dbPasswordSecret}, the file named by {@code --dbPasswordFile}, the environment variable named
 * by {@code --dbPasswordEnv}. A failure says which source failed and never shows a secret.
 */
final class Passwords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Passwords() {}

  /** The password for {@code --jdbcUrl}; null when no source holds one. */
  static String of(ConnectionOptions options, String awsRegion) {
    if (options.getDbPasswordSecret() != null) {
      return fromSecretsManager(
          options.getDbPasswordSecret(), awsRegion, options.getSecretsManagerEndpoint());
    }
    if (options.getDbPasswordFile() != null) {
      try {
        List<String> lines = Files.readAllLines(Path.of(options.getDbPasswordFile()));
        return lines.isEmpty() ? "" : lines.get(0);
      } catch (IOException e) {
        throw new ConfigException(
            "Cannot read the password file " + options.getDbPasswordFile() + ": " + e);
      }
    }
    return options.getDbPasswordEnv() == null ? null : System.getenv(options.getDbPasswordEnv());
  }

  /**
   * The secret's text, or its {@code password} field when the text is a JSON object (the form
   * Redshift and RDS keep their credentials in).
   */
  static String fromSecretsManager(String secretId, String region, String endpoint) {
    SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    String where = "AWS Secrets Manager" + (endpoint != null ? " at " + endpoint : "");
    String text;
    try (SecretsManagerClient client = builder.build()) {
      text =
          client
              .getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build())
              .secretString();
    } catch (ResourceNotFoundException e) {
      throw new ConfigException("No secret " + secretId + " in " + where + " (--dbPasswordSecret)");
    } catch (SecretsManagerException e) {
      throw unreadable(secretId, where, e.awsErrorDetails().errorCode());
    } catch (SdkException | IllegalArgumentException e) {
      throw unreadable(secretId, where, Errors.firstLine(e.getMessage()));
    }
    if (text == null) {
      throw new ConfigException(
          "The secret " + secretId + " holds no text (a binary secret cannot be a password)");
    }
    if (text.stripLeading().startsWith("{")) {
      try {
        JsonNode password = JSON.readTree(text).get("password");
        if (password == null || !password.isTextual()) {
          throw new ConfigException(
              "The JSON secret " + secretId + " has no text field \"password\"");
        }
        return password.asText();
      } catch (IOException e) {
        // Not JSON after all: a password that starts with "{".
      }
    }
    return text;
  }

  private static ConfigException unreadable(String secretId, String where, String why) {
    return new ConfigException(
        "Cannot read the secret " + secretId + " from " + where + ": " + why);
  }
}
