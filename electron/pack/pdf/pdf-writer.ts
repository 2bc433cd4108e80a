import { setImmediate as nextTurn } from 'node:timers/promises';
import { deflateSync } from 'node:zlib';
import {
  PDFCrossRefStream,
  PDFHeader,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObjectStream,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFTrailer,
  PDFWriter,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import type { SerializationInfo } from 'pdf-lib/cjs/core/writers/PDFWriter';

/**
 * pdf-lib's writer with object streams, as `PDFDocument.save()` writes, but
 * with each object stream compressed by Node's zlib rather than pako. A tagged
 * pack is mostly small dictionaries (its structure tree): packed a hundred to a
 * stream and compressed, a 75-page pack is 0.45 MB rather than Chromium's 1.5;
 * pako takes as long to compress them as everything else in writing the file,
 * zlib a tenth of that.
 */

const OBJECTS_PER_STREAM = 100;
/** Objects written between turns of the event loop, so the app's main process stays responsive. */
export const OBJECTS_PER_TICK = 1500;

type IndirectObject = [PDFRef, PDFObject];

class ZlibObjectStreamWriter extends PDFWriter {
  constructor(context: PDFContext) {
    super(context, OBJECTS_PER_TICK);
  }

  protected override async computeBufferSize(): Promise<SerializationInfo> {
    const context = this.context;
    let objectNumber = context.largestObjectNumber + 1;
    const header = PDFHeader.forVersion(1, 7);
    let size = header.sizeInBytes() + 2;
    const xrefStream = PDFCrossRefStream.create(this.createTrailerDict(), true);
    const written: IndirectObject[] = [];
    const streams: { ref: PDFRef; objects: IndirectObject[] }[] = [];

    for (const entry of context.enumerateIndirectObjects()) {
      const [ref, object] = entry;
      const alone =
        ref === context.trailerInfo.Encrypt ||
        object instanceof PDFStream ||
        object instanceof PDFInvalidObject ||
        ref.generationNumber !== 0;
      if (alone) {
        xrefStream.addUncompressedEntry(ref, size);
        size += this.computeIndirectObjectSize(entry);
        written.push(entry);
        continue;
      }
      let stream = streams[streams.length - 1];
      if (!stream || stream.objects.length === OBJECTS_PER_STREAM) {
        stream = { ref: PDFRef.of(objectNumber++), objects: [] };
        streams.push(stream);
      }
      xrefStream.addCompressedEntry(ref, stream.ref, stream.objects.length);
      stream.objects.push(entry);
    }

    for (const [index, { ref, objects }] of streams.entries()) {
      const packed = PDFObjectStream.withContextAndObjects(context, objects, false);
      const dict = packed.dict.clone(context);
      dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
      const compressed = PDFRawStream.of(dict, deflateSync(packed.getUnencodedContents()));
      xrefStream.addUncompressedEntry(ref, size);
      size += this.computeIndirectObjectSize([ref, compressed]);
      written.push([ref, compressed]);
      if ((index + 1) % (OBJECTS_PER_TICK / OBJECTS_PER_STREAM) === 0) await nextTurn();
    }

    const xrefRef = PDFRef.of(objectNumber++);
    xrefStream.dict.set(PDFName.of('Size'), PDFNumber.of(objectNumber));
    xrefStream.addUncompressedEntry(xrefRef, size);
    const xrefOffset = size;
    size += this.computeIndirectObjectSize([xrefRef, xrefStream]);
    written.push([xrefRef, xrefStream]);
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
    size += trailer.sizeInBytes();
    return { size, header, indirectObjects: written, trailer };
  }
}

/** The document as bytes: what `pdf.save()` gives (fonts embedded, object streams), written faster. */
export async function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  await pdf.flush();
  return new ZlibObjectStreamWriter(pdf.context).serializeToBuffer();
}
