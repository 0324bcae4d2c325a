package org.renovo.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;

/** A graph node's attributes by name, with the ONNX default when the node leaves one out. */
final class NodeAttributes {

	private NodeAttributes() {}

	static long integer(final NodeProto node, final String name, final long fallback) {
		final AttributeProto a = find(node, name);
		return a == null ? fallback : a.getI();
	}

	static float real(final NodeProto node, final String name, final float fallback) {
		final AttributeProto a = find(node, name);
		return a == null ? fallback : a.getF();
	}

	static String text(final NodeProto node, final String name, final String fallback) {
		final AttributeProto a = find(node, name);
		return a == null ? fallback : a.getS().toStringUtf8();
	}

	/** The first of a list attribute such as {@code strides}, or {@code fallback}. */
	static long first(final NodeProto node, final String name, final long fallback) {
		final AttributeProto a = find(node, name);
		return a == null || a.getIntsCount() == 0 ? fallback : a.getInts(0);
	}

	private static AttributeProto find(final NodeProto node, final String name) {
		for (final AttributeProto a : node.getAttributeList())
			if (a.getName().equals(name)) return a;
		return null;
	}
}
