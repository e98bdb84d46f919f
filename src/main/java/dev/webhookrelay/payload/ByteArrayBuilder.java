package dev.webhookrelay.payload;

import java.util.Arrays;

/**
 * A byte array that builds the renderer's output and never grows past {@code limit}: a write that would pass it throws
 * {@link TemplateRenderException} with the message given, before anything is allocated for it. Not safe for concurrent
 * use; one per render.
 */
final class ByteArrayBuilder {

    private final int limit;
    private final String tooLarge;
    private byte[] bytes;
    private int size;

    ByteArrayBuilder(int capacity, int limit, String tooLarge) {
        this.limit = limit;
        this.tooLarge = tooLarge;
        this.bytes = new byte[Math.max(16, Math.min(capacity, limit))];
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void writeAscii(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            write(ascii.charAt(i));
        }
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (extra > limit - size) {
            throw new TemplateRenderException(tooLarge);
        }
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(bytes.length * 2L, size + extra)));
        }
    }
}
