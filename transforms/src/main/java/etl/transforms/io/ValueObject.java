package etl.transforms.io;

/**
 * Base of the small immutable element classes (public final fields, a Beam schema): equality, hash
 * and a readable rendering come from their public instance fields ({@link FieldValues}), so no
 * class repeats them. It has no fields itself, so it adds nothing to a class's schema.
 */
public abstract class ValueObject {
  @Override
  public final boolean equals(Object o) {
    return FieldValues.equal(this, o);
  }

  @Override
  public final int hashCode() {
    return FieldValues.hash(this);
  }

  @Override
  public String toString() {
    return FieldValues.describe(this);
  }
}
