using PiStream.Commands;

AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    // A fault on a background thread: still one line for the user, never a stack trace, then exit 1.
    PiStreamCommandLine.ReportUnexpectedAsync((Exception)e.ExceptionObject, Console.Error).GetAwaiter().GetResult();
    Environment.Exit(ExitCodes.Failed);
};

return await PiStreamCommandLine.RunAsync(PiStreamCommandLine.Create(), args, Console.Error);
