using Dateline.Features.Articles;

namespace Dateline.Features.Import;

public sealed record TextImportResult(ArticleEditResult Edit, PlainTextArticle Parsed);
