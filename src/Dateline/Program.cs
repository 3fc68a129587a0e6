using Dateline.Cli;

return await DatelineCli.RunAsync(args);
