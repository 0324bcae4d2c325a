package org.renovo.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An update site's index, {@code db.xml.gz}: gzipped XML whose root {@code <pluginRecords>} holds one
 * {@code <plugin filename="...">} per file, with a {@code <version checksum timestamp filesize>} for the
 * current version (inside it {@code <description>} and {@code <dependency filename timestamp>}) and a
 * {@code <previous-version>} per older one. Element order, attributes and the embedded DTD follow
 * imagej-updater's {@code XMLFileWriter}, whose reader ({@code XMLFileReader}) parses without validating.
 * NB: the DTD matters beyond form: with element content declared, a parser reports the indentation as
 * ignorable, so it does not leak into the descriptions the updater collects from character data.
 */
public final class PluginRecords {

	public static final String FILE_NAME = "db.xml.gz";

	private static final String DTD = String.join("\n",
		"<!DOCTYPE pluginRecords [",
		"<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>",
		"<!ELEMENT update-site EMPTY>",
		"<!ELEMENT disabled-update-site EMPTY>",
		"<!ELEMENT plugin (platform*, category*, version?, previous-version*)>",
		"<!ELEMENT version (description?, dependency*, link*, author*)>",
		"<!ELEMENT previous-version EMPTY>",
		"<!ELEMENT description (#PCDATA)>",
		"<!ELEMENT dependency EMPTY>",
		"<!ELEMENT link (#PCDATA)>",
		"<!ELEMENT author (#PCDATA)>",
		"<!ELEMENT platform (#PCDATA)>",
		"<!ELEMENT category (#PCDATA)>",
		"<!ATTLIST update-site name CDATA #REQUIRED url CDATA #REQUIRED ssh-host CDATA #IMPLIED",
		"  upload-directory CDATA #IMPLIED description CDATA #IMPLIED maintainer CDATA #IMPLIED timestamp CDATA #REQUIRED>",
		"<!ATTLIST disabled-update-site name CDATA #REQUIRED url CDATA #REQUIRED ssh-host CDATA #IMPLIED",
		"  upload-directory CDATA #IMPLIED description CDATA #IMPLIED maintainer CDATA #IMPLIED timestamp CDATA #REQUIRED>",
		"<!ATTLIST plugin update-site CDATA #IMPLIED filename CDATA #REQUIRED executable CDATA #IMPLIED>",
		"<!ATTLIST dependency filename CDATA #REQUIRED timestamp CDATA #IMPLIED overrides CDATA #IMPLIED>",
		"<!ATTLIST version timestamp CDATA #REQUIRED checksum CDATA #REQUIRED filesize CDATA #REQUIRED>",
		"<!ATTLIST previous-version filename CDATA #IMPLIED timestamp CDATA #REQUIRED",
		"  timestamp-obsolete CDATA #IMPLIED checksum CDATA #REQUIRED>]>");

	private PluginRecords() {}

	/**
	 * Writes the index of {@code files} to {@code dbXmlGz}, replacing it only once complete. Each dependency
	 * is written with the timestamp of the current file it names.
	 */
	public static void write(final List<SiteFile> files, final Path dbXmlGz) {
		final Path partial = dbXmlGz.resolveSibling(dbXmlGz.getFileName() + ".partial");
		try {
			try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
				final XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
				xml.writeStartDocument("UTF-8", "1.0");
				xml.writeCharacters("\n");
				xml.writeDTD(DTD);
				xml.writeCharacters("\n");
				xml.writeStartElement("pluginRecords");
				for (final SiteFile file : files)
					writePlugin(xml, file, files);
				xml.writeCharacters("\n");
				xml.writeEndElement();
				xml.writeCharacters("\n");
				xml.writeEndDocument();
				xml.close();
			}
			Files.move(partial, dbXmlGz, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot write " + dbXmlGz, e);
		}
		catch (final XMLStreamException e) {
			throw new IllegalStateException("Cannot write the XML of " + dbXmlGz + ": " + e.getMessage(), e);
		}
	}

	/** Reads an index written by this class or by the updater; descriptions are trimmed. */
	public static List<SiteFile> read(final Path dbXmlGz) {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(dbXmlGz))) {
			final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			final List<SiteFile> files = new ArrayList<>();
			final NodeList plugins = factory.newDocumentBuilder().parse(in).getElementsByTagName("plugin");
			for (int i = 0; i < plugins.getLength(); i++)
				files.add(readPlugin((Element) plugins.item(i)));
			return files;
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read " + dbXmlGz, e);
		}
		catch (final SAXException | ParserConfigurationException e) {
			throw new IllegalArgumentException(dbXmlGz + " is not an update site index: " + e.getMessage(), e);
		}
	}

	// -- Helper methods --

	private static void writePlugin(final XMLStreamWriter xml, final SiteFile file, final List<SiteFile> all) throws XMLStreamException {
		indent(xml, 1);
		xml.writeStartElement("plugin");
		xml.writeAttribute("filename", file.path);
		if (file.checksum != null) {
			indent(xml, 2);
			xml.writeStartElement("version");
			xml.writeAttribute("checksum", file.checksum);
			xml.writeAttribute("timestamp", file.timestamp);
			xml.writeAttribute("filesize", Long.toString(file.filesize));
			if (file.description != null) {
				indent(xml, 3);
				xml.writeStartElement("description");
				xml.writeCharacters(file.description);
				xml.writeEndElement();
			}
			for (final String dependency : file.dependencies) {
				indent(xml, 3);
				xml.writeEmptyElement("dependency");
				xml.writeAttribute("filename", dependency);
				xml.writeAttribute("timestamp", timestampOf(dependency, all));
			}
			indent(xml, 2);
			xml.writeEndElement();
		}
		for (final SiteFile.PreviousVersion previous : file.previous) {
			indent(xml, 2);
			xml.writeEmptyElement("previous-version");
			xml.writeAttribute("timestamp", previous.timestamp);
			if (previous.timestampObsolete != null) xml.writeAttribute("timestamp-obsolete", previous.timestampObsolete);
			xml.writeAttribute("checksum", previous.checksum);
			if (previous.filename != null) xml.writeAttribute("filename", previous.filename);
		}
		indent(xml, 1);
		xml.writeEndElement();
	}

	private static String timestampOf(final String dependency, final List<SiteFile> all) {
		for (final SiteFile file : all)
			if (file.checksum != null && SiteFile.unversioned(file.path).equals(dependency)) return file.timestamp;
		throw new IllegalArgumentException("Dependency " + dependency + " is not a current file of the site");
	}

	private static void indent(final XMLStreamWriter xml, final int depth) throws XMLStreamException {
		xml.writeCharacters("\n" + "    ".repeat(depth));
	}

	private static SiteFile readPlugin(final Element plugin) {
		final String path = plugin.getAttribute("filename");
		String checksum = null, timestamp = null, description = null;
		long filesize = -1;
		final List<String> dependencies = new ArrayList<>();
		final List<SiteFile.PreviousVersion> previous = new ArrayList<>();
		for (Node n = plugin.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (!(n instanceof Element)) continue;
			final Element e = (Element) n;
			if (e.getTagName().equals("version")) {
				checksum = e.getAttribute("checksum");
				timestamp = e.getAttribute("timestamp");
				filesize = Long.parseLong(e.getAttribute("filesize"));
				for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
					if (!(c instanceof Element)) continue;
					final Element child = (Element) c;
					if (child.getTagName().equals("description")) description = child.getTextContent().trim();
					else if (child.getTagName().equals("dependency")) dependencies.add(child.getAttribute("filename"));
				}
			}
			else if (e.getTagName().equals("previous-version")) previous.add(new SiteFile.PreviousVersion(e.getAttribute("checksum"),
				e.getAttribute("timestamp"), emptyToNull(e.getAttribute("timestamp-obsolete")), emptyToNull(e.getAttribute("filename"))));
		}
		return new SiteFile(path, checksum, timestamp, filesize, description, dependencies, previous);
	}

	private static String emptyToNull(final String s) {
		return s.isEmpty() ? null : s;
	}
}
