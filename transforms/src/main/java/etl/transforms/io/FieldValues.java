package etl.transforms.io;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Value semantics for the small immutable element classes (public final fields, a Beam schema):
 * equality, hash and a readable rendering from their public instance fields, so each class need not
 * repeat them. Beam schemas cannot use Java records yet (apache/beam#27802).
 */
public final class FieldValues {
  private static final ConcurrentHashMap<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  private FieldValues() {}

  private static List<Field> fields(Class<?> type) {
    return FIELDS.computeIfAbsent(
        type,
        t -> {
          List<Field> fields = new ArrayList<>();
          for (Field f : t.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
              fields.add(f);
            }
          }
          return fields;
        });
  }

  private static Object get(Field f, Object o) {
    try {
      return f.get(o);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (b == null || a.getClass() != b.getClass()) {
      return false;
    }
    for (Field f : fields(a.getClass())) {
      if (!Objects.equals(get(f, a), get(f, b))) {
        return false;
      }
    }
    return true;
  }

  public static int hash(Object o) {
    int h = o.getClass().hashCode();
    for (Field f : fields(o.getClass())) {
      h = 31 * h + Objects.hashCode(get(f, o));
    }
    return h;
  }

  /** {@code Type{field=value, …}}; also the raw text of a dead letter raised after parsing. */
  public static String describe(Object o) {
    StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append('{');
    List<Field> fields = fields(o.getClass());
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i > 0 ? ", " : "")
          .append(fields.get(i).getName())
          .append('=')
          .append(get(fields.get(i), o));
    }
    return sb.append('}').toString();
  }
}
