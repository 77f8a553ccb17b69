package com.rollercoach.io.sensors;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Issue 13: the phyphox client against arbitrary replies (whatever answers on the phone's address).
 * A run of polls, each answered with fuzzer-chosen bytes (often a mutated real reply), may only end
 * in IOException (a bad reply, retried by the polling loop); samples reaching the sink have strictly
 * increasing times. {@code JAZZER_FUZZ=1 mvn test -Dtest=PhyphoxReplyFuzzTest -DexcludedTestGroups=none}.
 */
@Tag("fuzz")
class PhyphoxReplyFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyReplyIsABadReplyOrData(FuzzedDataProvider data) throws InterruptedException {
    double[] last = {Double.NEGATIVE_INFINITY};
    SampleSink sink = (ImuSample s) -> {
      if (!(s.tS() > last[0])) throw new AssertionError("time did not increase: " + s.tS() + " after " + last[0]);
      last[0] = s.tS();
    };
    PhyphoxLiveSource src = new PhyphoxLiveSource(PhyphoxBuffers.standard(), sink,
        query -> data.consumeString(4096).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 6 && data.remainingBytes() > 0; i++) {
      try {
        src.pollOnce();
      } catch (IOException expected) {
        // a bad reply: the polling loop backs off and asks again
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void parseTakesOnlyPhyphoxShapedReplies(byte[] body) {
    try {
      PhyphoxResponse.parse(body);
    } catch (IOException expected) {
      // refused
    }
  }
}
