package etl.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The layering holds: no two packages of the main code (both modules) use each other, and the
 * transforms library knows no pipeline. Read from the sources, imports and qualified names alike.
 */
public class PackageDependenciesTest {
  private static final List<Path> SOURCES =
      List.of(Path.of("src", "main", "java"), Path.of("..", "transforms", "src", "main", "java"));
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(etl\\.(?:pipelines|transforms)(?:\\.[a-z]\\w*)*)\\.[A-Z]");

  @Test
  public void noTwoPackagesUseEachOther() throws IOException {
    Map<String, Set<String>> uses = uses();
    List<String> cycles = new ArrayList<>();
    uses.forEach(
        (from, tos) ->
            tos.forEach(
                to -> {
                  if (from.compareTo(to) < 0 && uses.getOrDefault(to, Set.of()).contains(from)) {
                    cycles.add(from + " <-> " + to);
                  }
                }));

    assertThat(uses).containsKeys("etl.pipelines.cli", "etl.transforms.jdbc");
    assertThat(cycles).isEmpty();
  }

  @Test
  public void theTransformsLibraryKnowsNoPipeline() throws IOException {
    Map<String, Set<String>> uses = uses();
    uses.forEach(
        (from, tos) -> {
          if (from.startsWith("etl.transforms")) {
            assertThat(tos).as(from).noneMatch(to -> to.startsWith("etl.pipelines"));
          }
        });
  }

  /** Package → the other project packages its files name. */
  private static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Path root : SOURCES) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).toList();
      }
      for (Path file : files) {
        String text = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(text);
        assertThat(pkg.find()).as(file.toString()).isTrue();
        Set<String> used = uses.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
        Matcher ref = REFERENCE.matcher(text);
        while (ref.find()) {
          if (!ref.group(1).equals(pkg.group(1))) {
            used.add(ref.group(1));
          }
        }
      }
    }
    return uses;
  }
}
