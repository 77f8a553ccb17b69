/*
 * Host test of rc_protocol.c against the shared vectors (../vectors/manifest.txt, PROTOCOL.md section 8):
 * every vector decodes byte by byte to the listed frames and counters; clean vectors are exactly what
 * the encoders write; IMU timestamps unwrap as listed. Usage: rc_test [VECTOR_DIR]
 */
#include "rc_protocol.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAMES 64
#define MAX_LINE 4096
#define MAX_WORDS 256

typedef struct {
  rc_frame_t frame;
  uint8_t payload[RC_MAX_PAYLOAD];
} captured_t;

typedef struct {
  captured_t frames[MAX_FRAMES];
  int count;
} capture_t;

static int failures;
static int checks_failed_in_vector;

#define CHECK(cond, ...)                  \
  do {                                    \
    if (!(cond)) {                        \
      fprintf(stderr, "  FAIL: ");        \
      fprintf(stderr, __VA_ARGS__);       \
      fprintf(stderr, "\n");              \
      checks_failed_in_vector++;          \
    }                                     \
  } while (0)

static void on_frame(const rc_frame_t *f, void *user) {
  capture_t *c = user;
  if (c->count == MAX_FRAMES) return;
  captured_t *k = &c->frames[c->count++];
  k->frame = *f;
  memcpy(k->payload, f->payload, f->len);
  k->frame.payload = k->payload;
}

/* Splits a line into words in place. */
static int split(char *line, char **words) {
  int n = 0;
  for (char *tok = strtok(line, " \r\n"); tok && n < MAX_WORDS; tok = strtok(NULL, " \r\n")) words[n++] = tok;
  return n;
}

static const char *value(char **words, int n, const char *key) {
  size_t k = strlen(key);
  for (int i = 0; i < n; i++) {
    if (strncmp(words[i], key, k) == 0 && words[i][k] == '=') return words[i] + k + 1;
  }
  fprintf(stderr, "manifest: missing %s\n", key);
  exit(2);
}

static long long num(char **w, int n, const char *key) { return strtoll(value(w, n, key), NULL, 10); }

static int hexval(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

/* The expected frame of a "frame TYPE seq=… k=v …" line, as the decoder would deliver it. */
static void expected_frame(char **w, int n, rc_frame_t *f, uint8_t *payload) {
  memset(f, 0, sizeof *f);
  f->seq = (uint16_t)num(w, n, "seq");
  const char *type = w[1];
  if (strcmp(type, "hello") == 0) {
    rc_hello_t *h = &f->u.hello;
    f->type = RC_TYPE_HELLO;
    h->protocol_version = (uint8_t)num(w, n, "version");
    h->flags = (uint8_t)num(w, n, "flags");
    h->accel_range_g = strtof(value(w, n, "accel_range_g"), NULL);
    h->gyro_range_dps = strtof(value(w, n, "gyro_range_dps"), NULL);
    h->sample_rate_hz = strtof(value(w, n, "rate_hz"), NULL);
    snprintf(h->device_id, sizeof h->device_id, "%s", value(w, n, "device_id"));
    snprintf(h->firmware_version, sizeof h->firmware_version, "%s", value(w, n, "firmware"));
    snprintf(h->sensor_model, sizeof h->sensor_model, "%s", value(w, n, "model"));
  } else if (strcmp(type, "imu") == 0) {
    f->type = RC_TYPE_IMU;
    f->u.imu.t_us = (uint32_t)num(w, n, "t_us");
    const char *axes[6] = {"ax", "ay", "az", "gx", "gy", "gz"};
    for (int i = 0; i < 3; i++) {
      f->u.imu.accel[i] = (int16_t)num(w, n, axes[i]);
      f->u.imu.gyro[i] = (int16_t)num(w, n, axes[3 + i]);
    }
  } else if (strcmp(type, "status") == 0) {
    f->type = RC_TYPE_STATUS;
    f->u.status.error_flags = (uint16_t)num(w, n, "errors");
    f->u.status.battery_percent = (uint8_t)num(w, n, "battery_pct");
    f->u.status.battery_mv = (uint16_t)num(w, n, "battery_mv");
    f->u.status.temperature_centi_c = (int16_t)num(w, n, "temp_centi_c");
    f->u.status.dropped_samples = (uint32_t)num(w, n, "dropped");
  } else if (strcmp(type, "command") == 0) {
    f->type = RC_TYPE_COMMAND;
    f->u.command.code = (uint8_t)num(w, n, "code");
    f->u.command.argument = (uint32_t)num(w, n, "arg");
  } else if (strcmp(type, "ack") == 0) {
    f->type = RC_TYPE_ACK;
    f->u.ack.command_code = (uint8_t)num(w, n, "code");
    f->u.ack.command_seq = (uint16_t)num(w, n, "command_seq");
    f->u.ack.result = (uint8_t)num(w, n, "result");
    f->u.ack.value = (uint32_t)num(w, n, "value");
  } else if (strcmp(type, "unknown") == 0) {
    f->type = (uint8_t)num(w, n, "code_type");
    const char *hex = value(w, n, "payload");
    f->len = (uint8_t)(strlen(hex) / 2);
    for (int i = 0; i < f->len; i++) payload[i] = (uint8_t)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
    f->payload = payload;
  } else {
    fprintf(stderr, "manifest: unknown frame type %s\n", type);
    exit(2);
  }
}

static int same_frame(const rc_frame_t *a, const rc_frame_t *b) {
  if (a->type != b->type || a->seq != b->seq) return 0;
  switch (a->type) {
    case RC_TYPE_HELLO: {
      const rc_hello_t *x = &a->u.hello, *y = &b->u.hello;
      return x->protocol_version == y->protocol_version && x->flags == y->flags &&
             x->accel_range_g == y->accel_range_g && x->gyro_range_dps == y->gyro_range_dps &&
             x->sample_rate_hz == y->sample_rate_hz && strcmp(x->device_id, y->device_id) == 0 &&
             strcmp(x->firmware_version, y->firmware_version) == 0 &&
             strcmp(x->sensor_model, y->sensor_model) == 0;
    }
    case RC_TYPE_IMU:
      return memcmp(&a->u.imu, &b->u.imu, sizeof a->u.imu) == 0;
    case RC_TYPE_STATUS: {
      const rc_status_t *x = &a->u.status, *y = &b->u.status;
      return x->error_flags == y->error_flags && x->battery_percent == y->battery_percent &&
             x->battery_mv == y->battery_mv && x->temperature_centi_c == y->temperature_centi_c &&
             x->dropped_samples == y->dropped_samples;
    }
    case RC_TYPE_COMMAND:
      return a->u.command.code == b->u.command.code && a->u.command.argument == b->u.command.argument;
    case RC_TYPE_ACK:
      return a->u.ack.command_code == b->u.ack.command_code && a->u.ack.command_seq == b->u.ack.command_seq &&
             a->u.ack.result == b->u.ack.result && a->u.ack.value == b->u.ack.value;
    default:
      return a->len == b->len && memcmp(a->payload, b->payload, a->len) == 0;
  }
}

static size_t encode(const rc_frame_t *f, uint8_t *out, size_t cap) {
  switch (f->type) {
    case RC_TYPE_HELLO: return rc_encode_hello(out, cap, f->seq, &f->u.hello);
    case RC_TYPE_IMU: return rc_encode_imu(out, cap, f->seq, &f->u.imu);
    case RC_TYPE_STATUS: return rc_encode_status(out, cap, f->seq, &f->u.status);
    case RC_TYPE_COMMAND: return rc_encode_command(out, cap, f->seq, &f->u.command);
    case RC_TYPE_ACK: return rc_encode_ack(out, cap, f->seq, &f->u.ack);
    default: return rc_encode_raw(out, cap, f->type, f->seq, f->payload, f->len);
  }
}

static uint8_t *read_file(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  uint8_t *data = malloc(1 << 16);
  *len = fread(data, 1, 1 << 16, fp);
  fclose(fp);
  return data;
}

typedef struct {
  char name[128];
  uint8_t *bytes;
  size_t len;
  int encodes;
  rc_frame_t frames[MAX_FRAMES];
  uint8_t payloads[MAX_FRAMES][RC_MAX_PAYLOAD];
  int frame_count;
  long long unwrapped[MAX_FRAMES];
  int unwrapped_count;
  char expect[MAX_LINE];
} vector_t;

static void check_vector(vector_t *v) {
  checks_failed_in_vector = 0;
  /* Byte by byte and as one buffer must agree; the byte-wise run is checked in detail. */
  static capture_t got, whole;
  rc_decoder_t d, d2;
  got.count = whole.count = 0;
  rc_decoder_init(&d, on_frame, &got);
  for (size_t i = 0; i < v->len; i++) rc_decoder_push(&d, v->bytes[i]);
  rc_decoder_finish(&d);
  rc_decoder_init(&d2, on_frame, &whole);
  rc_decoder_feed(&d2, v->bytes, v->len);
  rc_decoder_finish(&d2);
  CHECK(got.count == whole.count && d.skipped == d2.skipped, "byte-wise and whole-buffer decoding differ");

  CHECK(got.count == v->frame_count, "%d frames decoded, %d expected", got.count, v->frame_count);
  for (int i = 0; i < got.count && i < v->frame_count; i++) {
    CHECK(same_frame(&got.frames[i].frame, &v->frames[i]), "frame %d differs", i);
  }
  char *w[MAX_WORDS];
  char expect[MAX_LINE];
  snprintf(expect, sizeof expect, "%s", v->expect);
  int n = split(expect, w);
  CHECK(d.frames == num(w, n, "frames"), "frames counter %lu", (unsigned long)d.frames);
  CHECK(d.crc_failures == num(w, n, "crc"), "crc counter %lu", (unsigned long)d.crc_failures);
  CHECK(d.length_errors == num(w, n, "length_errors"), "length errors %lu", (unsigned long)d.length_errors);
  CHECK(d.malformed == num(w, n, "malformed"), "malformed %lu", (unsigned long)d.malformed);
  CHECK(d.resyncs == num(w, n, "resyncs"), "resyncs %lu", (unsigned long)d.resyncs);
  CHECK(d.skipped == num(w, n, "skipped"), "skipped %lu", (unsigned long)d.skipped);
  CHECK(d.lost == num(w, n, "lost"), "lost %lu", (unsigned long)d.lost);
  CHECK(d.n == 0, "%u bytes still pending after finish", d.n);

  if (v->encodes) {
    static uint8_t out[1 << 16];
    size_t len = 0;
    for (int i = 0; i < v->frame_count; i++) {
      size_t k = encode(&v->frames[i], out + len, sizeof out - len);
      CHECK(k > 0, "frame %d did not encode", i);
      len += k;
    }
    CHECK(len == v->len && memcmp(out, v->bytes, len) == 0, "encoding differs from the vector bytes");
  }

  rc_unwrap_t u = {0};
  int k = 0;
  for (int i = 0; i < v->frame_count; i++) {
    if (v->frames[i].type != RC_TYPE_IMU) continue;
    long long e = rc_unwrap(&u, v->frames[i].u.imu.t_us);
    CHECK(k < v->unwrapped_count && e == v->unwrapped[k], "unwrapped time %d: %lld", k, e);
    k++;
  }
  CHECK(k == v->unwrapped_count, "%d IMU frames, %d unwrapped times listed", k, v->unwrapped_count);

  if (checks_failed_in_vector) {
    fprintf(stderr, "vector %s: FAILED\n", v->name);
    failures++;
  }
}

/* Deterministic xorshift32, so the property test is the same on every machine. */
static uint32_t rng_state = 2463534242u;
static uint32_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

typedef struct {
  int imu;
  int in_order;
  uint32_t next_t;
} order_t;

static void count_frame(const rc_frame_t *f, void *user) {
  order_t *o = user;
  if (f->type != RC_TYPE_IMU) return;
  o->imu++;
  if (f->u.imu.t_us >= o->next_t) o->in_order++;
  o->next_t = f->u.imu.t_us + 1;
}

/*
 * Property: in a long stream with garbage between frames and some frames damaged (bit flip, dropped
 * byte, truncation), exactly the undamaged frames arrive, in order, and exactly the damaged ones are
 * counted lost. Returns 1 if it holds.
 */
static int corruption_property(void) {
  static uint8_t stream[400000];
  size_t len = 0;
  int damaged = 0, intact = 0;
  const int n = 5000;
  for (int i = 0; i < n; i++) {
    if (rng() % 10 == 0) {
      int g = 1 + (int)(rng() % 40);
      for (int k = 0; k < g; k++) stream[len++] = (uint8_t)rng();
      if (rng() % 2) stream[len - 1] = RC_SYNC0;
    }
    rc_imu_t imu = {(uint32_t)i * 5000u, {(int16_t)rng(), (int16_t)rng(), (int16_t)rng()},
                    {(int16_t)rng(), (int16_t)rng(), (int16_t)rng()}};
    uint8_t f[RC_IMU_FRAME_SIZE];
    size_t fl = rc_encode_imu(f, sizeof f, (uint16_t)i, &imu);
    int damage = i > 0 && i < n - 1 && rng() % 100 < 8;
    if (damage) {
      damaged++;
      switch (rng() % 3) {
        case 0: f[rng() % fl] ^= (uint8_t)(1u << (rng() % 8)); break;
        case 1: {
          size_t drop = rng() % fl;
          memmove(f + drop, f + drop + 1, fl - drop - 1);
          fl--;
          break;
        }
        default: fl = 1 + rng() % (fl - 1);
      }
    } else {
      intact++;
    }
    memcpy(stream + len, f, fl);
    len += fl;
  }
  order_t o = {0, 0, 0};
  rc_decoder_t d;
  rc_decoder_init(&d, count_frame, &o);
  rc_decoder_feed(&d, stream, len);
  rc_decoder_finish(&d);
  int ok = o.imu == intact && o.in_order == intact && (int)d.lost == damaged && (int)d.frames == intact;
  if (!ok) {
    fprintf(stderr, "corruption property: %d of %d intact frames, %d in order, lost %lu of %d damaged\n",
            o.imu, intact, o.in_order, (unsigned long)d.lost, damaged);
  }
  return ok;
}

static int crc_check_value(void) {
  const uint8_t check[] = "123456789";
  return rc_crc16(RC_CRC_INIT, check, 9) == 0x6F91;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "../vectors";
  char path[1024];
  snprintf(path, sizeof path, "%s/manifest.txt", dir);
  FILE *fp = fopen(path, "r");
  if (!fp) {
    fprintf(stderr, "cannot open %s\n", path);
    return 2;
  }
  int passed = 0, total = 0;
  if (!crc_check_value()) {
    fprintf(stderr, "CRC-16/MCRF4XX check value wrong\n");
    failures++;
  } else {
    passed++;
  }
  total++;
  if (corruption_property()) passed++; else failures++;
  total++;
  static vector_t v;
  static char line[MAX_LINE];
  while (fgets(line, sizeof line, fp)) {
    char copy[MAX_LINE];
    snprintf(copy, sizeof copy, "%s", line);
    char *w[MAX_WORDS];
    int n = split(line, w);
    if (n == 0 || w[0][0] == '#') continue;
    if (strcmp(w[0], "vector") == 0) {
      memset(&v, 0, sizeof v);
      snprintf(v.name, sizeof v.name, "%s", w[1]);
    } else if (strcmp(w[0], "file") == 0) {
      snprintf(path, sizeof path, "%s/%s", dir, w[1]);
      v.bytes = read_file(path, &v.len);
    } else if (strcmp(w[0], "encode") == 0) {
      v.encodes = strcmp(w[1], "yes") == 0;
    } else if (strcmp(w[0], "frame") == 0) {
      if (v.frame_count < MAX_FRAMES) {
        expected_frame(w, n, &v.frames[v.frame_count], v.payloads[v.frame_count]);
        v.frame_count++;
      }
    } else if (strcmp(w[0], "unwrapped_us") == 0) {
      for (int i = 1; i < n && v.unwrapped_count < MAX_FRAMES; i++) v.unwrapped[v.unwrapped_count++] = strtoll(w[i], NULL, 10);
    } else if (strcmp(w[0], "expect") == 0) {
      snprintf(v.expect, sizeof v.expect, "%s", copy + strlen("expect "));
    } else if (strcmp(w[0], "end") == 0) {
      int before = failures;
      check_vector(&v);
      free(v.bytes);
      total++;
      if (failures == before) passed++;
    }
  }
  fclose(fp);
  printf("rc_test: %d passed, %d failed\n", passed, total - passed);
  return total - passed == 0 && total > 1 ? 0 : 1;
}
