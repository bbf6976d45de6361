using Analytics.Testing.Files;
using Analytics.Testing.Images;

namespace Analytics.Domain.Tests.Support;

public sealed class PngImageTests
{
    [Fact]
    public void Decode_RgbWithEachFilterPerRow_UndoesFilters()
    {
        // 2 x 5 RGB (colour type 2), 3 bytes per pixel; each row is [filter, R, G, B, R, G, B].
        byte[] rows =
        [
            0, 10, 20, 30, 40, 50, 60, // None
            1, 1, 2, 3, 4, 5, 6,       // Sub
            2, 1, 1, 1, 1, 1, 1,       // Up
            3, 10, 10, 10, 10, 10, 10, // Average
            4, 5, 5, 5, 5, 5, 5,       // Paeth
        ];
        var image = PngImage.Decode(PngBuilder.Build(2, 5, 2, rows));

        image.Width.Should().Be(2);
        image.Height.Should().Be(5);
        // Row 0, None: the bytes as they are.
        image.GetPixel(0, 0).Should().Be(new Rgba(10, 20, 30, 255));
        image.GetPixel(1, 0).Should().Be(new Rgba(40, 50, 60, 255));
        // Row 1, Sub: px0 = (1,2,3) + nothing on the left; px1 = (4,5,6) + (1,2,3) = (5,7,9).
        image.GetPixel(0, 1).Should().Be(new Rgba(1, 2, 3, 255));
        image.GetPixel(1, 1).Should().Be(new Rgba(5, 7, 9, 255));
        // Row 2, Up: each byte + the byte above: (1,2,3)+1 = (2,3,4); (5,7,9)+1 = (6,8,10).
        image.GetPixel(0, 2).Should().Be(new Rgba(2, 3, 4, 255));
        image.GetPixel(1, 2).Should().Be(new Rgba(6, 8, 10, 255));
        // Row 3, Average: 10 + floor((left + up) / 2).
        //   px0: left 0, up (2,3,4): 10 + (1,1,2) = (11,11,12).
        //   px1: left (11,11,12), up (6,8,10): 10 + (floor(17/2), floor(19/2), floor(22/2)) = 10 + (8,9,11) = (18,19,21).
        image.GetPixel(0, 3).Should().Be(new Rgba(11, 11, 12, 255));
        image.GetPixel(1, 3).Should().Be(new Rgba(18, 19, 21, 255));
        // Row 4, Paeth: 5 + predictor.
        //   px0: a=0, b=up=(11,11,12), c=0: p=b, |p-b|=0 is smallest, so b: (16,16,17).
        //   px1: a=(16,16,17), b=(18,19,21), c=(11,11,12): R p=23 pa=7 pb=5 pc=12 -> b=18; G p=24 pa=8 pb=5 pc=13 -> 19;
        //        B p=26 pa=9 pb=5 pc=14 -> 21; so (23,24,26).
        image.GetPixel(0, 4).Should().Be(new Rgba(16, 16, 17, 255));
        image.GetPixel(1, 4).Should().Be(new Rgba(23, 24, 26, 255));
    }

    [Fact]
    public void Decode_RgbaPaeth_PicksLeftUpAndUpLeft()
    {
        // 3 x 2 RGBA (colour type 6), 4 bytes per pixel.
        byte[] rows =
        [
            0, 0, 0, 0, 255, 15, 50, 0, 255, 20, 50, 0, 255, // None: (0,0,0,255) (15,50,0,255) (20,50,0,255)
            4, 10, 0, 0, 0, 251, 0, 0, 0, 0, 0, 0, 0,        // Paeth
        ];
        var image = PngImage.Decode(PngBuilder.Build(3, 2, 6, rows));

        // px0: a=0, b=(0,0,0,255), c=0. R: p=0, all distances 0, ties go to a: 10+0 = 10.
        //      A: p=255, pa=255 pb=0 pc=255 -> b: 0+255 = 255.  => (10,0,0,255)
        image.GetPixel(0, 1).Should().Be(new Rgba(10, 0, 0, 255));
        // px1: a=(10,0,0,255), b=(15,50,0,255), c=(0,0,0,255).
        //      R: p=25, pa=15 pb=10 pc=25 -> b=15: (251+15) mod 256 = 10.  G: p=50, pb=0 -> b: 50.
        //      A: p=255, pa=0 -> a: 255.  => (10,50,0,255)
        image.GetPixel(1, 1).Should().Be(new Rgba(10, 50, 0, 255));
        // px2: a=(10,50,0,255), b=(20,50,0,255), c=(15,50,0,255).
        //      R: p=10+20-15=15, pa=5 pb=5 pc=0 -> c: 0+15 = 15.  G: p=50, pa=0 -> a: 50.  => (15,50,0,255)
        image.GetPixel(2, 1).Should().Be(new Rgba(15, 50, 0, 255));
        image.GetPixel(0, 0).Should().Be(new Rgba(0, 0, 0, 255));
    }

    [Fact]
    public void CountDistinctColors_TwoByTwoWithThreeColours_ReturnsThree()
    {
        // Rows (white, red) and (white, blue): colours {white, red, blue} = 3; non-white pixels: red, blue = 2.
        byte[] rows =
        [
            0, 255, 255, 255, 255, 0, 0,
            0, 255, 255, 255, 0, 0, 255,
        ];
        var image = PngImage.Decode(PngBuilder.Build(2, 2, 2, rows));

        image.CountDistinctColors().Should().Be(3);
        image.CountNonWhitePixels().Should().Be(2);
        image.CountPixels(p => p == new Rgba(255, 0, 0, 255)).Should().Be(1);
    }

    [Fact]
    public void Decode_NotPng_Throws()
    {
        var act = () => PngImage.Decode("GIF89a not a png"u8);

        act.Should().Throw<InvalidDataException>().WithMessage("*signature*");
    }

    [Fact]
    public void Decode_CorruptedByte_ThrowsBadCrc()
    {
        var png = PngBuilder.Build(1, 1, 2, [0, 1, 2, 3]);
        png[16] ^= 0x01; // the first byte of IHDR's width: 8 signature + 4 length + 4 type = offset 16

        var act = () => PngImage.Decode(png);

        act.Should().Throw<InvalidDataException>().WithMessage("*CRC*IHDR*");
    }

    [Fact]
    public void Decode_SixteenBitDepth_ThrowsNotSupported()
    {
        var png = PngBuilder.Build(1, 1, 2, [0, 0, 0, 0, 0, 0, 0], bitDepth: 16);

        var act = () => PngImage.Decode(png);

        act.Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void GetPixel_OutsideImage_Throws()
    {
        var image = PngImage.Decode(PngBuilder.Build(1, 1, 2, [0, 1, 2, 3]));

        var act = () => image.GetPixel(1, 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ReadSize_File_ReadsHeader()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("size.png");
        File.WriteAllBytes(path, PngBuilder.Build(3, 2, 2, new byte[2 * (1 + (3 * 3))]));

        PngImage.ReadSize(path).Should().Be((3, 2));
        PngImage.Load(path).CountDistinctColors().Should().Be(1, "all bytes are zero: every pixel is black");
    }
}
