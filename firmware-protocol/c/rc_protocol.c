/* Roller Coach wire protocol v1, portable C99. See rc_protocol.h and ../PROTOCOL.md. */
#include "rc_protocol.h"

#include <float.h>
#include <string.h>

typedef char rc_float_is_32_bits[sizeof(float) == 4 ? 1 : -1];

uint16_t rc_crc16(uint16_t crc, const uint8_t *data, size_t len) {
  /* Bitwise, as MAVLink's crc_accumulate: no table, a few hundred bytes of flash. */
  while (len--) {
    crc ^= *data++;
    for (int bit = 0; bit < 8; bit++) {
      crc = (crc & 1u) ? (uint16_t)((crc >> 1) ^ 0x8408u) : (uint16_t)(crc >> 1);
    }
  }
  return crc;
}

static void put_u16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

static void put_f32(uint8_t *p, float f) {
  uint32_t v;
  memcpy(&v, &f, sizeof v);
  put_u32(p, v);
}

static uint16_t get_u16(const uint8_t *p) { return (uint16_t)(p[0] | (uint16_t)p[1] << 8); }

static uint32_t get_u32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int16_t get_i16(const uint8_t *p) { return (int16_t)get_u16(p); }

static float get_f32(const uint8_t *p) {
  uint32_t v = get_u32(p);
  float f;
  memcpy(&f, &v, sizeof f);
  return f;
}

/* Header and CRC around a payload already written at buf + RC_HEADER_SIZE. */
static size_t finish_frame(uint8_t *buf, uint8_t type, uint16_t seq, uint8_t len) {
  buf[0] = RC_SYNC0;
  buf[1] = RC_SYNC1;
  buf[2] = len;
  buf[3] = type;
  put_u16(buf + 4, seq);
  put_u16(buf + RC_HEADER_SIZE + len, rc_crc16(RC_CRC_INIT, buf + 2, RC_HEADER_SIZE - 2 + len));
  return RC_HEADER_SIZE + len + RC_CRC_SIZE;
}

size_t rc_encode_raw(uint8_t *buf, size_t cap, uint8_t type, uint16_t seq, const uint8_t *payload,
                     uint8_t len) {
  if (cap < (size_t)RC_HEADER_SIZE + len + RC_CRC_SIZE) return 0;
  memmove(buf + RC_HEADER_SIZE, payload, len);
  return finish_frame(buf, type, seq, len);
}

static int put_string(uint8_t *p, const char *s) {
  size_t n = strlen(s);
  if (n > RC_STRING_LEN) return 0;
  memset(p, 0, RC_STRING_LEN);
  memcpy(p, s, n);
  return 1;
}

size_t rc_encode_hello(uint8_t *buf, size_t cap, uint16_t seq, const rc_hello_t *h) {
  if (cap < RC_HELLO_FRAME_SIZE) return 0;
  uint8_t *p = buf + RC_HEADER_SIZE;
  p[0] = h->protocol_version;
  p[1] = h->flags;
  put_f32(p + 2, h->accel_range_g);
  put_f32(p + 6, h->gyro_range_dps);
  put_f32(p + 10, h->sample_rate_hz);
  if (!put_string(p + 14, h->device_id) || !put_string(p + 30, h->firmware_version) ||
      !put_string(p + 46, h->sensor_model)) {
    return 0;
  }
  return finish_frame(buf, RC_TYPE_HELLO, seq, RC_HELLO_LEN);
}

size_t rc_encode_imu(uint8_t *buf, size_t cap, uint16_t seq, const rc_imu_t *imu) {
  if (cap < RC_IMU_FRAME_SIZE) return 0;
  uint8_t *p = buf + RC_HEADER_SIZE;
  put_u32(p, imu->t_us);
  for (int i = 0; i < 3; i++) {
    put_u16(p + 4 + 2 * i, (uint16_t)imu->accel[i]);
    put_u16(p + 10 + 2 * i, (uint16_t)imu->gyro[i]);
  }
  return finish_frame(buf, RC_TYPE_IMU, seq, RC_IMU_LEN);
}

size_t rc_encode_status(uint8_t *buf, size_t cap, uint16_t seq, const rc_status_t *s) {
  if (cap < RC_HEADER_SIZE + RC_STATUS_LEN + RC_CRC_SIZE) return 0;
  uint8_t *p = buf + RC_HEADER_SIZE;
  put_u16(p, s->error_flags);
  p[2] = s->battery_percent;
  put_u16(p + 3, s->battery_mv);
  put_u16(p + 5, (uint16_t)s->temperature_centi_c);
  put_u32(p + 7, s->dropped_samples);
  return finish_frame(buf, RC_TYPE_STATUS, seq, RC_STATUS_LEN);
}

size_t rc_encode_command(uint8_t *buf, size_t cap, uint16_t seq, const rc_command_t *c) {
  if (cap < RC_HEADER_SIZE + RC_COMMAND_LEN + RC_CRC_SIZE) return 0;
  uint8_t *p = buf + RC_HEADER_SIZE;
  p[0] = c->code;
  put_u32(p + 1, c->argument);
  return finish_frame(buf, RC_TYPE_COMMAND, seq, RC_COMMAND_LEN);
}

size_t rc_encode_ack(uint8_t *buf, size_t cap, uint16_t seq, const rc_ack_t *a) {
  if (cap < RC_HEADER_SIZE + RC_ACK_LEN + RC_CRC_SIZE) return 0;
  uint8_t *p = buf + RC_HEADER_SIZE;
  p[0] = a->command_code;
  put_u16(p + 1, a->command_seq);
  p[3] = a->result;
  put_u32(p + 4, a->value);
  return finish_frame(buf, RC_TYPE_ACK, seq, RC_ACK_LEN);
}

/* ---- decoder ---------------------------------------------------------------------------------- */

static unsigned min_payload(uint8_t type) {
  switch (type) {
    case RC_TYPE_HELLO: return RC_HELLO_LEN;
    case RC_TYPE_IMU: return RC_IMU_LEN;
    case RC_TYPE_STATUS: return RC_STATUS_LEN;
    case RC_TYPE_COMMAND: return RC_COMMAND_LEN;
    case RC_TYPE_ACK: return RC_ACK_LEN;
    default: return 0;
  }
}

void rc_decoder_init(rc_decoder_t *d, rc_frame_cb cb, void *user) {
  memset(d, 0, sizeof *d);
  d->cb = cb;
  d->user = user;
}

static void skip(rc_decoder_t *d) {
  d->skipped++;
  if (!d->skipping) {
    d->skipping = 1;
    d->resyncs++;
  }
  memmove(d->buf, d->buf + 1, --d->n);
}

static void get_string(char *dst, const uint8_t *p) {
  unsigned i = 0;
  for (; i < RC_STRING_LEN && p[i] != 0; i++) {
    dst[i] = (p[i] >= 0x20 && p[i] <= 0x7E) ? (char)p[i] : '?';
  }
  dst[i] = '\0';
}

static int positive_finite(float f) { return f > 0.0f && f <= FLT_MAX; }

/* Fills f->u from the payload; 0 if a field is impossible (malformed). */
static int parse_payload(rc_frame_t *f) {
  const uint8_t *p = f->payload;
  switch (f->type) {
    case RC_TYPE_HELLO: {
      rc_hello_t *h = &f->u.hello;
      h->protocol_version = p[0];
      h->flags = p[1];
      h->accel_range_g = get_f32(p + 2);
      h->gyro_range_dps = get_f32(p + 6);
      h->sample_rate_hz = get_f32(p + 10);
      get_string(h->device_id, p + 14);
      get_string(h->firmware_version, p + 30);
      get_string(h->sensor_model, p + 46);
      return positive_finite(h->accel_range_g) && positive_finite(h->gyro_range_dps) &&
             positive_finite(h->sample_rate_hz);
    }
    case RC_TYPE_IMU:
      f->u.imu.t_us = get_u32(p);
      for (int i = 0; i < 3; i++) {
        f->u.imu.accel[i] = get_i16(p + 4 + 2 * i);
        f->u.imu.gyro[i] = get_i16(p + 10 + 2 * i);
      }
      return 1;
    case RC_TYPE_STATUS:
      f->u.status.error_flags = get_u16(p);
      f->u.status.battery_percent = p[2];
      f->u.status.battery_mv = get_u16(p + 3);
      f->u.status.temperature_centi_c = get_i16(p + 5);
      f->u.status.dropped_samples = get_u32(p + 7);
      return 1;
    case RC_TYPE_COMMAND:
      f->u.command.code = p[0];
      f->u.command.argument = get_u32(p + 1);
      return 1;
    case RC_TYPE_ACK:
      f->u.ack.command_code = p[0];
      f->u.ack.command_seq = get_u16(p + 1);
      f->u.ack.result = p[3];
      f->u.ack.value = get_u32(p + 4);
      return 1;
    default:
      return 1;
  }
}

static void deliver(rc_decoder_t *d, unsigned total) {
  rc_frame_t f;
  memset(&f, 0, sizeof f);
  f.len = d->buf[2];
  f.type = d->buf[3];
  f.seq = get_u16(d->buf + 4);
  f.payload = d->buf + RC_HEADER_SIZE;
  d->skipping = 0;
  if (!parse_payload(&f)) {
    d->malformed++;
  } else {
    int restart = f.type == RC_TYPE_HELLO && f.seq == 0; /* a device reboot, not a loss */
    if (d->have_seq && !restart) d->lost += (uint16_t)(f.seq - d->last_seq - 1u);
    d->have_seq = 1;
    d->last_seq = f.seq;
    d->frames++;
    if (d->cb) d->cb(&f, d->user);
  }
  d->n -= (uint16_t)total;
  memmove(d->buf, d->buf + total, d->n);
}

/* Decides about the candidate at buf[0] while enough bytes are there (or at_end forces a decision). */
static void scan(rc_decoder_t *d, int at_end) {
  while (d->n > 0) {
    const uint8_t *b = d->buf;
    if (b[0] != RC_SYNC0) { skip(d); continue; }
    if (d->n < 2) { if (at_end) { skip(d); continue; } return; }
    if (b[1] != RC_SYNC1) { skip(d); continue; }
    if (d->n < 4) { if (at_end) { skip(d); continue; } return; }
    uint8_t len = b[2];
    if (len < min_payload(b[3])) {
      d->length_errors++;
      skip(d);
      continue;
    }
    unsigned total = RC_HEADER_SIZE + len + RC_CRC_SIZE;
    if (d->n < total) {
      if (at_end) {
        d->crc_failures++; /* truncated */
        skip(d);
        continue;
      }
      return;
    }
    if (rc_crc16(RC_CRC_INIT, b + 2, RC_HEADER_SIZE - 2 + len) != get_u16(b + RC_HEADER_SIZE + len)) {
      d->crc_failures++;
      skip(d);
      continue;
    }
    deliver(d, total);
  }
}

void rc_decoder_push(rc_decoder_t *d, uint8_t byte) {
  d->buf[d->n++] = byte; /* scan() keeps n below the candidate's total, so n < RC_MAX_FRAME here */
  scan(d, 0);
}

void rc_decoder_feed(rc_decoder_t *d, const uint8_t *data, size_t len) {
  for (size_t i = 0; i < len; i++) rc_decoder_push(d, data[i]);
}

void rc_decoder_finish(rc_decoder_t *d) { scan(d, 1); }

int64_t rc_unwrap(rc_unwrap_t *u, uint32_t t_us) {
  if (!u->started) {
    u->started = 1;
    u->extended = t_us;
  } else {
    uint32_t forward = t_us - u->last; /* modulo 2^32 */
    u->extended += forward < 0x80000000u ? (int64_t)forward : (int64_t)forward - 4294967296LL;
  }
  u->last = t_us;
  return u->extended;
}
