package com.rollercoach.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalParserTest {
  @Test
  void agreesBitForBitWithParseDoubleOnLoggerStyleNumbers() {
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      String s = randomNumber(random);
      String line = "x," + s + ",y";
      double expected = Double.parseDouble(s);
      double got = DecimalParser.parse(line, 2, 2 + s.length());
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), s);
    }
  }

  @Test
  void edgeCasesMatchParseDouble() {
    String[] cases = {
      "0", "-0", "+1", "1.", ".5", "-.5", "007", "0.000123", "1e3", "1E-3", "-2.5e+2",
      "123456789012345", "1234567890123456789", "0.1234567890123456789", "1e22", "1e23", "1e-22",
      "1e-23", "4.9e-324", "1.7976931348623157e308", " 3.25 ", "1d", "Infinity", "NaN"
    };
    for (String s : cases) {
      assertEquals(
          Double.doubleToRawLongBits(Double.parseDouble(s)),
          Double.doubleToRawLongBits(DecimalParser.parse(s, 0, s.length())),
          s);
    }
  }

  @Test
  void rejectsWhatParseDoubleRejects() {
    for (String s : new String[] {"", ".", "-", "1e", "1.2.3", "abc", "1,5", "--1", "1e+"}) {
      assertThrows(NumberFormatException.class, () -> DecimalParser.parse(s, 0, s.length()), s);
    }
  }

  private static String randomNumber(Random r) {
    double magnitude = Math.pow(10, r.nextInt(12) - 6);
    double v = (r.nextDouble() * 2 - 1) * magnitude;
    return switch (r.nextInt(4)) {
      case 0 -> String.format(Locale.ROOT, "%." + r.nextInt(9) + "f", v);
      case 1 -> Double.toString(v);
      case 2 -> String.format(Locale.ROOT, "%.5e", v);
      default -> Long.toString(r.nextLong() % 1_000_000_000L);
    };
  }
}
