package com.rollercoach.io.sensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A phyphox {@code /get} reply, as documented on the phyphox wiki ("Remote-interface
 * communication") and produced by RemoteServer.handleGet (phyphox/phyphox-android):
 *
 * <pre>
 * {"buffer":{
 * "acc_time":{"size":0,"updateMode":"partial", "buffer":[1.2345678E1,1.2350678E1]},
 * "accX":{…}
 * },
 * "status":{
 * "session":"a1b2c3", "measuring":true, "timedRun":false, "countDown":0
 * }
 * }
 * </pre>
 *
 * Values are numbers ({@code 0.#######E0}, 8 significant digits) or {@code null} for NaN/∞.
 *
 * @param buffers each requested buffer's values, null entries as NaN; a buffer the experiment
 *     does not have is absent
 * @param session changes when phyphox restarts the experiment
 * @param measuring whether the phone is recording now
 */
record PhyphoxResponse(Map<String, double[]> buffers, String session, boolean measuring) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static PhyphoxResponse parse(byte[] body) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a phyphox /get reply (not JSON)");
    }
    // Strict: a reply that is not exactly phyphox's shape is a bad reply (retried), never a new
    // session. Taking {"buffer":{},"status":{}} for session "" restarted the clock and lost 6.5 s.
    if (root == null || !root.path("buffer").isObject() || !root.path("status").isObject()) {
      throw new IOException("not a phyphox /get reply (no \"buffer\" and \"status\" objects)");
    }
    JsonNode status = root.get("status");
    JsonNode session = status.get("session");
    if (session == null || !session.isTextual() || session.asText().isEmpty()
        || !status.path("measuring").isBoolean()) {
      throw new IOException("malformed phyphox /get reply (status without session and measuring)");
    }
    Map<String, double[]> buffers = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("buffer").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode values = e.getValue().path("buffer");
      if (!values.isArray()) throw new IOException("malformed phyphox /get reply (buffer " + e.getKey() + ")");
      double[] v = new double[values.size()];
      for (int i = 0; i < v.length; i++) {
        JsonNode n = values.get(i);
        if (n.isNumber()) v[i] = n.doubleValue();
        else if (n.isNull()) v[i] = Double.NaN; // phyphox's NaN/∞
        else throw new IOException("malformed phyphox /get reply (a " + n.getNodeType() + " in " + e.getKey() + ")");
      }
      buffers.put(e.getKey(), v);
    }
    return new PhyphoxResponse(buffers, session.asText(), status.get("measuring").asBoolean());
  }

  /** True when the reply has this buffer (the experiment defines it). */
  boolean has(String name) {
    return buffers.containsKey(name);
  }

  /** The buffer's values, empty if the reply lacks it. */
  double[] values(String name) {
    return buffers.getOrDefault(name, new double[0]);
  }
}
