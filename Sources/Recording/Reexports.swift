import Scenario
import SimKernel

// The types a results folder's readers need, so that viewers and reports
// (the Reports module) import Recording alone (DESIGN.md §1).

/// A frame's state; see `Scenario.FrameSnapshot`.
public typealias FrameSnapshot = Scenario.FrameSnapshot
/// A frames file's header; see `Scenario.FrameHeader`.
public typealias FrameHeader = Scenario.FrameHeader
/// The map a frames file carries; see `Scenario.FrameMap`.
public typealias FrameMap = Scenario.FrameMap
/// A frame raster; see `Scenario.RasterLayer`.
public typealias RasterLayer = Scenario.RasterLayer
/// A JSON-shaped value; see `Scenario.Value`.
public typealias Value = Scenario.Value
/// Sim time in milliseconds; see `SimKernel.SimTime`.
public typealias SimTime = SimKernel.SimTime
/// A row of the master scenario events list; see `Scenario.Inject`.
public typealias Inject = Scenario.Inject
