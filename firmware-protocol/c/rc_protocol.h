/*
 * Roller Coach wire protocol, version 1: a portable C99 encoder and decoder.
 * Normative description: ../PROTOCOL.md. No allocation, no stdio, no global state.
 *
 *   frame = A5 5A | len u8 | type u8 | seq u16 | payload[len] | crc u16
 *   crc   = CRC-16/MCRF4XX over len .. end of payload; all fields little-endian.
 *
 * Encoding writes bytes with shifts, so it works on big- and little-endian CPUs; floats must be IEEE-754
 * binary32 (true for AVR, ARM Cortex-M, ESP32, RP2040).
 */
#ifndef RC_PROTOCOL_H
#define RC_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RC_PROTOCOL_VERSION 1
#define RC_SYNC0 0xA5u
#define RC_SYNC1 0x5Au
#define RC_HEADER_SIZE 6u
#define RC_CRC_SIZE 2u
#define RC_MAX_PAYLOAD 255u
#define RC_MAX_FRAME (RC_HEADER_SIZE + RC_MAX_PAYLOAD + RC_CRC_SIZE)
#define RC_CRC_INIT 0xFFFFu
#define RC_STRING_LEN 16u

enum rc_frame_type {
  RC_TYPE_HELLO = 0x01,
  RC_TYPE_IMU = 0x02,
  RC_TYPE_STATUS = 0x03,
  RC_TYPE_COMMAND = 0x10,
  RC_TYPE_ACK = 0x11
};

/* Payload lengths of protocol version 1; receivers accept longer payloads (later minor versions). */
enum rc_payload_len {
  RC_HELLO_LEN = 62,
  RC_IMU_LEN = 16,
  RC_STATUS_LEN = 11,
  RC_COMMAND_LEN = 5,
  RC_ACK_LEN = 8
};

/* Frame sizes on the wire, for sizing buffers. */
#define RC_IMU_FRAME_SIZE (RC_HEADER_SIZE + RC_IMU_LEN + RC_CRC_SIZE)       /* 24 */
#define RC_HELLO_FRAME_SIZE (RC_HEADER_SIZE + RC_HELLO_LEN + RC_CRC_SIZE)   /* 70 */

enum rc_hello_flags { RC_HELLO_STREAMING = 0x01 };

enum rc_status_errors {
  RC_ERR_IMU_FAULT = 0x0001,       /* the IMU stopped answering */
  RC_ERR_ACCEL_SATURATED = 0x0002, /* an accelerometer axis hit full scale since the last STATUS */
  RC_ERR_GYRO_SATURATED = 0x0004,  /* a gyroscope axis hit full scale since the last STATUS */
  RC_ERR_OVERRUN = 0x0008,         /* samples were dropped on the device (TX buffer full) */
  RC_ERR_LOW_BATTERY = 0x0010
};
#define RC_BATTERY_UNKNOWN 0xFFu
#define RC_TEMPERATURE_UNKNOWN INT16_MIN

enum rc_command_code {
  RC_CMD_START_STREAMING = 0x01,
  RC_CMD_STOP_STREAMING = 0x02,
  RC_CMD_SET_RATE = 0x03, /* argument: requested sample rate, Hz */
  RC_CMD_REQUEST_HELLO = 0x04,
  RC_CMD_REQUEST_STATUS = 0x05
};

enum rc_ack_result { RC_ACK_OK = 0, RC_ACK_UNSUPPORTED = 1, RC_ACK_INVALID_ARGUMENT = 2, RC_ACK_BUSY = 3 };

typedef struct {
  uint8_t protocol_version;
  uint8_t flags;
  float accel_range_g;  /* g = counts * accel_range_g / 32768 */
  float gyro_range_dps; /* deg/s = counts * gyro_range_dps / 32768 */
  float sample_rate_hz;
  char device_id[RC_STRING_LEN + 1]; /* printable ASCII, NUL-terminated here, NUL-padded on the wire */
  char firmware_version[RC_STRING_LEN + 1];
  char sensor_model[RC_STRING_LEN + 1];
} rc_hello_t;

typedef struct {
  uint32_t t_us;    /* device clock, microseconds, wraps every 2^32 us (71.6 min) */
  int16_t accel[3]; /* raw counts x, y, z */
  int16_t gyro[3];
} rc_imu_t;

typedef struct {
  uint16_t error_flags;
  uint8_t battery_percent;     /* 0..100, RC_BATTERY_UNKNOWN */
  uint16_t battery_mv;         /* 0 = unknown */
  int16_t temperature_centi_c; /* 0.01 degC, RC_TEMPERATURE_UNKNOWN */
  uint32_t dropped_samples;    /* since boot */
} rc_status_t;

typedef struct {
  uint8_t code;
  uint32_t argument;
} rc_command_t;

typedef struct {
  uint8_t command_code;
  uint16_t command_seq; /* sequence number of the command frame answered */
  uint8_t result;
  uint32_t value; /* SET_RATE: the rate applied, Hz */
} rc_ack_t;

/* A decoded frame. For types this version does not know only type, seq, len and payload are set. */
typedef struct {
  uint8_t type;
  uint16_t seq;
  uint8_t len;
  const uint8_t *payload; /* valid only during the callback */
  union {
    rc_hello_t hello;
    rc_imu_t imu;
    rc_status_t status;
    rc_command_t command;
    rc_ack_t ack;
  } u;
} rc_frame_t;

/* CRC-16/MCRF4XX (poly 0x1021 reflected = 0x8408, init 0xFFFF, no final xor); "123456789" -> 0x6F91. */
uint16_t rc_crc16(uint16_t crc, const uint8_t *data, size_t len);

/* Encoders: write one complete frame into buf; return its size, or 0 if cap is too small or a field is
 * invalid (e.g. a string longer than 16 chars). */
size_t rc_encode_hello(uint8_t *buf, size_t cap, uint16_t seq, const rc_hello_t *hello);
size_t rc_encode_imu(uint8_t *buf, size_t cap, uint16_t seq, const rc_imu_t *imu);
size_t rc_encode_status(uint8_t *buf, size_t cap, uint16_t seq, const rc_status_t *status);
size_t rc_encode_command(uint8_t *buf, size_t cap, uint16_t seq, const rc_command_t *command);
size_t rc_encode_ack(uint8_t *buf, size_t cap, uint16_t seq, const rc_ack_t *ack);
/* Any type with a ready payload (len <= 255). */
size_t rc_encode_raw(uint8_t *buf, size_t cap, uint8_t type, uint16_t seq, const uint8_t *payload,
                     uint8_t len);

typedef void (*rc_frame_cb)(const rc_frame_t *frame, void *user);

/*
 * Byte-at-a-time decoder with resynchronisation (PROTOCOL.md section 6): a failed candidate discards only
 * its first byte, so frames that start inside damaged data are still found. 263 bytes of buffer plus
 * counters; a failure costs a memmove of the candidate, which is fine for command streams on an MCU.
 */
typedef struct {
  uint8_t buf[RC_MAX_FRAME];
  uint16_t n;
  uint8_t skipping;
  uint8_t have_seq;
  uint16_t last_seq;
  rc_frame_cb cb;
  void *user;
  uint32_t frames;        /* good frames delivered */
  uint32_t crc_failures;  /* candidates with a wrong CRC, or truncated at rc_decoder_finish */
  uint32_t length_errors; /* candidates whose length is too short for their type */
  uint32_t malformed;     /* CRC-valid frames with impossible fields (not delivered) */
  uint32_t resyncs;       /* runs of skipped bytes */
  uint32_t skipped;       /* bytes skipped */
  uint32_t lost;          /* frames missing according to sequence numbers */
} rc_decoder_t;

void rc_decoder_init(rc_decoder_t *d, rc_frame_cb cb, void *user);
void rc_decoder_push(rc_decoder_t *d, uint8_t byte);
void rc_decoder_feed(rc_decoder_t *d, const uint8_t *data, size_t len);
/* End of input: give up an incomplete candidate and search what followed its first byte. */
void rc_decoder_finish(rc_decoder_t *d);

/* Extends the wrapping 32-bit microsecond clock: steps under 2^31 us are forward, larger ones back. */
typedef struct {
  uint8_t started;
  uint32_t last;
  int64_t extended;
} rc_unwrap_t;

int64_t rc_unwrap(rc_unwrap_t *u, uint32_t t_us);

#ifdef __cplusplus
}
#endif
#endif /* RC_PROTOCOL_H */
