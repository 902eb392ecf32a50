using PiStream.Soak;

// bench/soak: runs the real `pistream serve` under viewers and faults for --minutes, then writes docs/soak.md.
var options = SoakOptions.Parse(args);
Console.WriteLine($"Soak: {options.Minutes} min, {options.Viewers} viewers, ffmpeg killed every {options.KillEveryMinutes} min, pan-tilt moves {(options.PanTilt ? "on" : "off")}");
var result = await new SoakRun(options, Console.Out).RunAsync();
var machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
var report = SoakReport.Write(result, machine);
await File.WriteAllTextAsync(options.Output, report);
Console.WriteLine(report);
return result.LostViewers.Count == 0 && result.Orphans.Count == 0 && result.ExitCode == 0 ? 0 : 1;
