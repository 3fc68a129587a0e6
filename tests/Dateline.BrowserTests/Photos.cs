using SkiaSharp;

namespace Dateline.BrowserTests;

/// <summary>
/// A photo-like picture drawn in code (a riverside street at dusk), so that screenshots of the
/// newsroom and of an article show something a newsroom would publish rather than a test pattern.
/// </summary>
public static class Photos
{
    public static byte[] RiversideJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Scale(width / 1000f, height / 625f);
            Draw(canvas);
        }

        using var pixels = bitmap.PeekPixels();
        return pixels.Encode(new SKJpegEncoderOptions(86))!.ToArray();
    }

    // Drawn on a 1000 × 625 canvas: sky, sun, far hills, a row of shopfronts, a bridge, the river.
    private static void Draw(SKCanvas canvas)
    {
        Fill(canvas, new SKRect(0, 0, 1000, 400), Vertical(0, 400, "#f6c98a", "#e98d63", "#9a6a8e"));
        using (var sun = new SKPaint { Color = SKColor.Parse("#fbe3b0"), IsAntialias = true })
        {
            canvas.DrawCircle(760, 300, 46, sun);
        }

        using (var hills = new SKPathBuilder())
        {
            hills.MoveTo(0, 360);
            hills.QuadTo(220, 250, 480, 330);
            hills.QuadTo(720, 270, 1000, 320);
            hills.LineTo(1000, 420);
            hills.LineTo(0, 420);
            hills.Close();
            Fill(canvas, hills, "#5b6552");
        }

        var fronts = new[] { ("#d9c7a7", 70), ("#b85c4a", 95), ("#e6dccb", 80), ("#7c8d9c", 85), ("#cfa86b", 90), ("#e6dccb", 75) };
        var x = 40f;
        foreach (var (colour, storeyHeight) in fronts)
        {
            var top = 400 - storeyHeight;
            Fill(canvas, new SKRect(x, top, x + 62, 400), colour);
            using (var roof = new SKPathBuilder())
            {
                roof.MoveTo(x - 4, top);
                roof.LineTo(x + 31, top - 22);
                roof.LineTo(x + 66, top);
                roof.Close();
                Fill(canvas, roof, "#6b3b32");
            }

            Fill(canvas, new SKRect(x + 10, top + 14, x + 24, top + 30), "#ffd98a");
            Fill(canvas, new SKRect(x + 38, top + 14, x + 52, top + 30), "#ffd98a");
            Fill(canvas, new SKRect(x + 12, 372, x + 50, 400), "#3b2f2a");
            x += 70;
        }

        Fill(canvas, new SKRect(0, 400, 1000, 625), Vertical(400, 625, "#6f85a0", "#2d3b55"));
        using (var bridge = new SKPathBuilder())
        {
            bridge.MoveTo(520, 380);
            bridge.LineTo(1000, 380);
            bridge.LineTo(1000, 470);
            for (var pier = 940f; pier > 520; pier -= 120)
            {
                bridge.LineTo(pier, 470);
                bridge.QuadTo(pier - 60, 400, pier - 120, 470);
            }

            bridge.LineTo(520, 470);
            bridge.Close();
            Fill(canvas, bridge, "#463c3a");
        }

        using var ripple = new SKPaint { Color = SKColor.Parse("#c9d6e6").WithAlpha(120), StrokeWidth = 2, IsAntialias = true };
        for (var y = 500f; y < 620; y += 28)
        {
            canvas.DrawLine(60 + (y % 3 * 40), y, 420 + (y % 5 * 30), y, ripple);
        }

        canvas.DrawLine(700, 520, 820, 520, ripple);
    }

    private static SKShader Vertical(float top, float bottom, params string[] colours) =>
        SKShader.CreateLinearGradient(new SKPoint(0, top), new SKPoint(0, bottom), [.. colours.Select(SKColor.Parse)], SKShaderTileMode.Clamp);

    private static void Fill(SKCanvas canvas, SKRect rect, SKShader shader)
    {
        using (shader)
        using (var paint = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(rect, paint);
        }
    }

    private static void Fill(SKCanvas canvas, SKRect rect, string colour)
    {
        using var paint = new SKPaint { Color = SKColor.Parse(colour) };
        canvas.DrawRect(rect, paint);
    }

    private static void Fill(SKCanvas canvas, SKPathBuilder builder, string colour)
    {
        using var path = builder.Snapshot();
        using var paint = new SKPaint { Color = SKColor.Parse(colour), IsAntialias = true };
        canvas.DrawPath(path, paint);
    }
}
