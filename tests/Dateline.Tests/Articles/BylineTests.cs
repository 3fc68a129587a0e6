using Dateline.Features.Articles;

namespace Dateline.Tests.Articles;

public sealed class BylineTests
{
    [Theory]
    [InlineData("By Ana Reyes", "Ana Reyes")]
    [InlineData("By Ana Reyes and Tom Hale", "Ana Reyes", "Tom Hale")]
    [InlineData("By Ana Reyes, Tom Hale, and Lee Park", "Ana Reyes", "Tom Hale", "Lee Park")]
    public void BylinesJoinNamesAsANewspaperWould(string expected, params string[] names)
    {
        Assert.Equal(expected, Byline.Text(names));
    }

    [Fact]
    public void LinkedBylineEncodesNames()
    {
        using var writer = new StringWriter();
        Byline.Render([new PersonView("<b>Eve</b>", "eve", null), new PersonView("Tom", "tom", null)])
            .WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Equal("By <a rel=\"author\" href=\"/authors/eve/\">&lt;b&gt;Eve&lt;/b&gt;</a> and <a rel=\"author\" href=\"/authors/tom/\">Tom</a>", writer.ToString());
    }
}
