using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Dateline.TestSupport;

/// <summary>Images made in code for upload tests, including the hostile and broken ones.</summary>
public static class TestImages
{
    public static readonly SKColor TopLeftColour = SKColors.Red;
    public static readonly SKColor TopRightColour = SKColors.Lime;

    /// <summary>A picture with a red square at its top-left corner and a green one at its top-right, over a gradient.</summary>
    public static SKBitmap Picture(int width, int height, bool transparent = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Navy, SKColors.Orange], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }

        var corner = Math.Max(4, Math.Min(width, height) / 4);
        using (var red = new SKPaint { Color = TopLeftColour })
        {
            canvas.DrawRect(0, 0, corner, corner, red);
        }

        using (var green = new SKPaint { Color = TopRightColour })
        {
            canvas.DrawRect(width - corner, 0, corner, corner, green);
        }

        return bitmap;
    }

    public static byte[] Jpeg(int width, int height, int quality = 90)
    {
        using var bitmap = Picture(width, height);
        using var pixels = bitmap.PeekPixels();
        return pixels.Encode(new SKJpegEncoderOptions(quality))!.ToArray();
    }

    public static byte[] Png(int width, int height, bool transparent = false)
    {
        using var bitmap = Picture(width, height, transparent);
        using var pixels = bitmap.PeekPixels();
        return pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))!.ToArray();
    }

    public static byte[] WebP(int width, int height)
    {
        using var bitmap = Picture(width, height);
        using var pixels = bitmap.PeekPixels();
        return pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 90))!.ToArray();
    }

    /// <summary>
    /// A JPEG with an EXIF block (APP1) right after its start marker: an orientation and a GPS
    /// position (51° 30′ 12.34″ N), as a phone camera writes them.
    /// </summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation)
    {
        var jpeg = Jpeg(width, height);
        return [.. jpeg[..2], .. ExifSegment(orientation), .. jpeg[2..]];
    }

    /// <summary>The GPS latitude's rational numbers as the EXIF block stores them, to look for in output.</summary>
    public static byte[] GpsLatitudeBytes { get; } = BigEndian([51, 1, 30, 1, 1234, 100]);

    private static byte[] ExifSegment(ushort orientation)
    {
        // A big-endian TIFF structure: IFD0 (orientation and a pointer to the GPS IFD), the GPS
        // IFD (latitude reference and latitude), then the latitude's three rationals.
        const int ifd0 = 8, gpsIfd = ifd0 + 2 + (2 * 12) + 4, rationals = gpsIfd + 2 + (2 * 12) + 4;
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)(v >> 8), (byte)v]);
        void U32(int v) { U16(v >> 16); U16(v & 0xFFFF); }
        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(ifd0);
        U16(2);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U16(0x8825); U16(4); U32(1); U32(gpsIfd);
        U32(0);
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange([(byte)'N', 0, 0, 0]);
        U16(0x0002); U16(5); U32(3); U32(rationals);
        U32(0);
        tiff.AddRange(GpsLatitudeBytes);
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        return [0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
    }

    /// <summary>A JPEG cut short partway through its compressed data.</summary>
    public static byte[] TruncatedJpeg()
    {
        var jpeg = Jpeg(800, 600);
        return jpeg[..(jpeg.Length * 2 / 3)];
    }

    /// <summary>
    /// A small, well-formed PNG whose header claims <paramref name="width"/> × <paramref name="height"/>
    /// pixels: a decompression bomb in all but the size of its data.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter, no interlace
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[64 * 1024]);
        }

        return [0x89, .. "PNG\r\n\x1a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>
    /// A GIF with one solid-colour frame per colour given; SkiaSharp reads GIF but cannot write
    /// it, so this writes the format by hand (uncompressed LZW: a clear code every two pixels).
    /// </summary>
    public static byte[] Gif(int width, int height, params SKColor[] frames)
    {
        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        gif.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0b1111_0001, 0, 0]);
        var palette = frames.Concat([SKColors.Black, SKColors.Black, SKColors.Black, SKColors.Black]).Take(4).ToArray();
        foreach (var colour in palette)
        {
            gif.AddRange([colour.Red, colour.Green, colour.Blue]);
        }

        gif.AddRange([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        for (var f = 0; f < frames.Length; f++)
        {
            gif.AddRange([0x21, 0xF9, 4, 0b0000_0100, 10, 0, 0, 0]);
            gif.AddRange([0x2C, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0]);
            gif.Add(2);
            var data = Lzw(f, width * height);
            for (var i = 0; i < data.Length; i += 255)
            {
                var block = data.AsSpan(i, Math.Min(255, data.Length - i));
                gif.Add((byte)block.Length);
                gif.AddRange(block);
            }

            gif.Add(0);
        }

        gif.Add(0x3B);
        return [.. gif];
    }

    public static byte[] Html { get; } = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>Not a photo</title></head><body><script>alert(document.cookie)</script></body></html>\n");

    public static byte[] Svg { get; } = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>alert(1)</script><rect width=\"100\" height=\"100\"/></svg>\n");

    /// <summary>The markers of a JPEG's segments before its image data (APP0 is 0xE0, EXIF's APP1 is 0xE1).</summary>
    public static IReadOnlyList<byte> JpegMarkers(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var markers = new List<byte>();
        for (var i = 2; i + 3 < jpeg.Length && jpeg[i] == 0xFF;)
        {
            markers.Add(jpeg[i + 1]);
            if (jpeg[i + 1] == 0xDA)
            {
                break;
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        return markers;
    }

    private static byte[] Lzw(int index, int pixels)
    {
        const int clear = 4, end = 5, bits = 3;
        var output = new List<byte>();
        int buffer = 0, count = 0;
        void Emit(int code)
        {
            buffer |= code << count;
            count += bits;
            while (count >= 8)
            {
                output.Add((byte)buffer);
                buffer >>= 8;
                count -= 8;
            }
        }

        for (var i = 0; i < pixels; i++)
        {
            if (i % 2 == 0)
            {
                Emit(clear);
            }

            Emit(index);
        }

        Emit(end);
        if (count > 0)
        {
            output.Add((byte)buffer);
        }

        return [.. output];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        return [.. length, .. typed, .. crc];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] BigEndian(int[] values) =>
        [.. values.SelectMany(v => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v })];
}
