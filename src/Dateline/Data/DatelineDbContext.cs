using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.Features.Articles.Revisions;
using Dateline.Features.Authors;
using Dateline.Features.Comments;
using Dateline.Features.Import;
using Dateline.Features.Media;
using Dateline.Features.Settings;
using Dateline.Features.Topics;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Data;

/// <summary>
/// The one model. Each database provider has a sealed subclass with its own migrations, so that
/// SQLite and PostgreSQL each get a schema written for them.
/// </summary>
public abstract class DatelineDbContext(DbContextOptions options) : IdentityDbContext<NewsroomUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleNote> ArticleNotes => Set<ArticleNote>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<OldAddress> OldAddresses => Set<OldAddress>();
    public DbSet<Features.StaticPages.StaticPage> StaticPages => Set<Features.StaticPages.StaticPage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DatelineDbContext).Assembly);
    }
}
