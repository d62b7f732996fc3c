package org.curveball.session.testing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Random inputs for fuzz tests, and {@link #forAll} to check a property over many of them
 * with a fixed seed, so that a failure can be reproduced.
 * <p>
 * The seed is {@value #DEFAULT_SEED} unless the {@value #SEED_PROPERTY} system property
 * sets another, such as {@code ./mvnw test -Dcurveball.fuzz.seed=42}. A failure names the
 * seed, the try and its input. Sizes lean small and characters lean towards those that
 * parsers treat specially, as there is no shrinking to find a small failing input.
 */
public final class RandomInputs {

	/**
	 * The system property that sets the seed.
	 */
	public static final String SEED_PROPERTY = "curveball.fuzz.seed";

	/**
	 * The seed used when {@value #SEED_PROPERTY} is not set.
	 */
	public static final long DEFAULT_SEED = 20250601L;

	private static final String SYNTAX = ";,= \"%\\+/{}[]:'\t\r\n";

	private static final byte[] SPECIAL_BYTES = { 0, '%', ';', '"', '=', 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xED,
			(byte) 0xFF };

	private static final int MAX_DESCRIBED = 2048;

	private final Random random;

	private RandomInputs(Random random) {
		this.random = random;
	}

	/**
	 * Return the seed of this run.
	 * @return the seed
	 */
	public static long seed() {
		return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
	}

	/**
	 * Check a property over {@code tries} inputs from a generator. Each try has its own
	 * {@link Random}, seeded from {@link #seed()} and the try's number.
	 * @param <T> the type of input
	 * @param tries how many inputs to check
	 * @param generator makes one input
	 * @param property asserts the property of one input
	 * @throws AssertionError naming the seed, the try and the input, if the property
	 * fails or throws on an input
	 */
	public static <T> void forAll(int tries, Function<RandomInputs, T> generator, Consumer<T> property) {
		long seed = seed();
		for (int i = 0; i < tries; i++) {
			T input = generator.apply(new RandomInputs(new Random(seed * 0x9E3779B97F4A7C15L + i)));
			try {
				property.accept(input);
			}
			catch (Throwable ex) {
				throw new AssertionError("Property failed on try %d of %d with -D%s=%d for input %s: %s"
					.formatted(i + 1, tries, SEED_PROPERTY, seed, describe(input), ex), ex);
			}
		}
	}

	/**
	 * Describe an input for a failure message: bytes in hex, and text with every
	 * character outside printable ASCII as a Java escape.
	 * @param input the input
	 * @return the description
	 */
	public static String describe(Object input) {
		String text = (input instanceof byte[] bytes) ? HexFormat.ofDelimiter(" ").formatHex(bytes)
				: String.valueOf(input);
		StringBuilder described = new StringBuilder("\"");
		for (int i = 0; i < Math.min(text.length(), MAX_DESCRIBED); i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
				described.append(c);
			}
			else {
				described.append("\\u%04x".formatted((int) c));
			}
		}
		described.append('"');
		if (text.length() > MAX_DESCRIBED) {
			described.append(" (first ").append(MAX_DESCRIBED).append(" of ").append(text.length()).append(" chars)");
		}
		return described.toString();
	}

	/**
	 * Return a whole number between {@code min} and {@code max}, both included.
	 * @param min the least number
	 * @param max the greatest number
	 * @return the number
	 */
	public int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	/**
	 * Return a size between {@code min} and {@code max}, both included, that is often
	 * {@code min} or within a few of it.
	 * @param min the least size
	 * @param max the greatest size
	 * @return the size
	 */
	public int size(int min, int max) {
		return switch (this.random.nextInt(8)) {
			case 0 -> min;
			case 1, 2, 3 -> between(min, Math.min(max, min + 8));
			default -> between(min, max);
		};
	}

	/**
	 * Return any {@code long}.
	 * @return the number
	 */
	public long anyLong() {
		return this.random.nextLong();
	}

	/**
	 * Return any {@code int}, often a small or extreme one.
	 * @return the number
	 */
	public int anyInt() {
		return switch (this.random.nextInt(4)) {
			case 0 -> between(-10, 10);
			case 1 -> oneOf(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
			default -> this.random.nextInt();
		};
	}

	/**
	 * Return a finite {@code double}, often a whole, tiny or huge one.
	 * @return the number
	 */
	public double anyDouble() {
		return switch (this.random.nextInt(4)) {
			case 0 -> between(-10, 10);
			case 1 -> oneOf(List.of(Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1e-300, -1e300));
			default -> (this.random.nextDouble() - 0.5) * Math.pow(10, between(-20, 20));
		};
	}

	/**
	 * Return {@code true} or {@code false}.
	 * @return the value
	 */
	public boolean anyBoolean() {
		return this.random.nextBoolean();
	}

	/**
	 * Return one of the given values.
	 * @param <T> the type of value
	 * @param values the values to choose from
	 * @return the chosen value
	 */
	public <T> T oneOf(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * Return the input of one of the given generators.
	 * @param <T> the type of input
	 * @param generators the generators to choose from
	 * @return the chosen generator's input
	 */
	@SafeVarargs
	public final <T> T oneOf(Function<RandomInputs, ? extends T>... generators) {
		return generators[this.random.nextInt(generators.length)].apply(this);
	}

	/**
	 * Return an input of a generator that matches a condition, trying again until one
	 * does.
	 * @param <T> the type of input
	 * @param generator makes one input
	 * @param condition the condition
	 * @return the input
	 * @throws IllegalStateException if 1000 inputs in a row do not match
	 */
	public <T> T matching(Function<RandomInputs, T> generator, Predicate<? super T> condition) {
		for (int i = 0; i < 1000; i++) {
			T input = generator.apply(this);
			if (condition.test(input)) {
				return input;
			}
		}
		throw new IllegalStateException("The generator rarely makes an input that matches the condition");
	}

	/**
	 * Return a list of inputs.
	 * @param <T> the type of element
	 * @param minSize the least size
	 * @param maxSize the greatest size
	 * @param element makes one element
	 * @return the list
	 */
	public <T> List<T> list(int minSize, int maxSize, Function<RandomInputs, T> element) {
		int size = size(minSize, maxSize);
		List<T> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(element.apply(this));
		}
		return list;
	}

	/**
	 * Return up to 255 bytes, leaning towards bytes that text decoders and parsers treat
	 * specially.
	 * @return the bytes
	 */
	public byte[] bytes() {
		return bytes(0, 255);
	}

	/**
	 * Return bytes, leaning towards those that text decoders and parsers treat specially.
	 * @param minSize the least size
	 * @param maxSize the greatest size
	 * @return the bytes
	 */
	public byte[] bytes(int minSize, int maxSize) {
		byte[] bytes = new byte[size(minSize, maxSize)];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (this.random.nextInt(4) == 0) ? SPECIAL_BYTES[this.random.nextInt(SPECIAL_BYTES.length)]
					: (byte) this.random.nextInt(256);
		}
		return bytes;
	}

	/**
	 * Return bytes of exactly the given size, all equally likely.
	 * @param size the size
	 * @return the bytes
	 */
	public byte[] uniformBytes(int size) {
		byte[] bytes = new byte[size];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * Return a string of up to 255 characters of any kind.
	 * @return the string
	 * @see #string(int, int)
	 */
	public String string() {
		return string(0, 255);
	}

	/**
	 * Return a string of characters of any kind: ASCII, controls, syntax such as
	 * {@code ;,="%\\}, Latin-1, any UTF-16 unit (lone surrogates included) and
	 * supplementary characters.
	 * @param minLength the least number of UTF-16 units
	 * @param maxLength the greatest number of UTF-16 units
	 * @return the string
	 */
	public String string(int minLength, int maxLength) {
		int length = size(minLength, maxLength);
		StringBuilder string = new StringBuilder(length);
		while (string.length() < length) {
			switch (this.random.nextInt(10)) {
				case 0, 1, 2 -> string.append((char) between(0x20, 0x7E));
				case 3 -> string.append((char) oneOf(List.of(between(0, 0x1F), 0x7F)).intValue());
				case 4, 5 -> string.append(SYNTAX.charAt(this.random.nextInt(SYNTAX.length())));
				case 6 -> string.append((char) between(0x80, 0xFF));
				case 7, 8 -> string.append((char) this.random.nextInt(0x10000));
				default -> {
					if (string.length() + 2 <= length) {
						string.appendCodePoint(between(0x10000, Character.MAX_CODE_POINT));
					}
				}
			}
		}
		return string.toString();
	}

	/**
	 * Return a string of characters from an alphabet.
	 * @param alphabet the characters to choose from
	 * @param minLength the least length
	 * @param maxLength the greatest length
	 * @return the string
	 */
	public String string(String alphabet, int minLength, int maxLength) {
		int length = size(minLength, maxLength);
		StringBuilder string = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			string.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return string.toString();
	}

}
