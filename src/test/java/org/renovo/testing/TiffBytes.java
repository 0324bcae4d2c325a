package org.renovo.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built one-strip grey TIFFs of any sample layout, classic or BigTIFF, in either byte order, so
 * tests can make files ImageJ itself never writes (64-bit float, complex). Pixel bytes are zero.
 */
public final class TiffBytes {

	private final ByteOrder order;
	private final boolean big;
	private final List<int[]> tags = new ArrayList<>();

	private TiffBytes(final ByteOrder order, final boolean big) {
		this.order = order;
		this.big = big;
	}

	public static TiffBytes classic(final ByteOrder order) { return new TiffBytes(order, false); }

	public static TiffBytes bigTiff(final ByteOrder order) { return new TiffBytes(order, true); }

	/** A {@code width × height} grey image of {@code bits}-bit samples in {@code sampleFormat} (1 uint, 3 float, 6 complex float). */
	public byte[] grey(final int width, final int height, final int bits, final int sampleFormat) {
		final int pixelBytes = width * height * bits / 8;
		tags.clear();
		tag(256, width); tag(257, height); tag(258, bits); tag(259, 1); tag(262, 1);
		tag(273, 0); tag(277, 1); tag(278, height); tag(279, pixelBytes); tag(339, sampleFormat);
		final int head = big ? 16 : 8, entry = big ? 20 : 12, countSize = big ? 8 : 2, next = big ? 8 : 4;
		final int ifdSize = countSize + tags.size() * entry + next, pixels = head + ifdSize;
		final ByteBuffer b = ByteBuffer.allocate(pixels + pixelBytes).order(order);
		b.putShort((short) (order == ByteOrder.LITTLE_ENDIAN ? 0x4949 : 0x4d4d)).putShort((short) (big ? 43 : 42));
		if (big) b.putShort((short) 8).putShort((short) 0).putLong(head);
		else b.putInt(head);
		if (big) b.putLong(tags.size());
		else b.putShort((short) tags.size());
		for (final int[] t : tags) {
			// NB: every value as one LONG (type 4), inline; the strip offset is known only now.
			final int value = t[0] == 273 ? pixels : t[1];
			b.putShort((short) t[0]).putShort((short) 4);
			if (big) b.putLong(1).putInt(value).putInt(0);
			else b.putInt(1).putInt(value);
		}
		if (big) b.putLong(0);
		else b.putInt(0);
		return b.array();
	}

	private void tag(final int tag, final int value) {
		tags.add(new int[] { tag, value });
	}
}
