---@meta
-- Lua Language Server definitions for drillsim scenarios: editors use this
-- file to complete and check the `sim` API. It is never run.
-- Times are seconds (numbers); the simulator keeps milliseconds inside.

---@class ScenarioHeader
---@field name string Scenario name; results go to results/<name>/<run-id>/
---@field map? string|table Map file (GeoJSON, converted OSM) beside the scenario, or an inline map table
---@field terrain? string ESRI ASCII grid of ground elevation (m)
---@field fuel? string ESRI ASCII grid of fuel model numbers (1-13, 101-204; 91-93, 98, 99, 0 = no fuel)
---@field roughness? string ESRI ASCII grid of Manning's n
---@field duration? number Run length in seconds; without it the run ends when no events are left
---@field seed? integer Seed of every random stream (`--seed` overrides it)
---@field start? string Wall-clock start, ISO 8601 ("2026-07-21T02:00:00+08:00"), for reports
---@field description? string One line about the scenario

--- Declares the scenario. Call it first; unknown fields are errors.
---@param header ScenarioHeader
function scenario(header) end

---@param n number
---@return number seconds
function seconds(n) end
---@param n number
---@return number seconds
function minutes(n) end
---@param n number
---@return number seconds
function hours(n) end
---@param n number
---@return number seconds
function days(n) end

--- A process handle: a small value (not a table) carrying the process id.
---@class Process
---@field pid integer The process id; equal handles have equal ids
local Process = {}
--- Stops the process; units it holds are released. A process that cancels
--- itself stops at its next wait.
function Process:cancel() end
---@return boolean
function Process:alive() end
--- Waits (inside a process) until this process has ended.
function Process:join() end

---@class RandomStream
local RandomStream = {}
---@return number x uniform on [a, b)
function RandomStream:uniform(a, b) end
---@param mean number
function RandomStream:exponential(mean) end
---@param mu number
---@param sigma number
function RandomStream:normal(mu, sigma) end
--- Lognormal: exp of a normal with mean `mu` and deviation `sigma` (of the log).
function RandomStream:lognormal(mu, sigma) end
function RandomStream:weibull(scale, shape) end
--- Gamma with shape `k` and scale `theta` (mean k * theta).
function RandomStream:gamma(k, theta) end
---@return integer n uniform on [a, b]
function RandomStream:integer(a, b) end
---@generic T
---@param list T[]
---@return T
function RandomStream:choice(list) end

---@class Resource
---@field name string
---@field capacity integer
local Resource = {}
--- Waits (inside a process) for a unit; lower priority values go first.
---@param priority? integer
function Resource:request(priority) end
--- Returns a unit to the next waiter.
function Resource:release() end
---@return integer
function Resource:in_use() end
---@return number
function Resource:queue_length() end

---@class Container
local Container = {}
--- Adds `amount`, waiting for room.
function Container:put(amount) end
--- Takes `amount`, waiting for stock.
function Container:get(amount) end
---@return number
function Container:level() end

---@class Store
local Store = {}
--- Stores an item, waiting for room.
function Store:put(item) end
--- Takes the first item the filter accepts (any item without one), waiting for one.
---@param filter? fun(item: any): boolean
---@return any
function Store:get(filter) end
---@return integer
function Store:size() end

---@class ParamSpec
---@field default number|string|boolean
---@field min? number
---@field max? number
---@field values? any[]
---@field doc? string

---@class ObjectiveSpec
---@field name string
---@field target? string What the objective asks, in words (built-in kinds generate one)
---@field by? number Deadline in seconds (default: the end of the run)
---@field check? fun(): boolean, number?, string? Returns pass, then optionally a value and a rating (P, S, M or U); custom objectives only
---@field kind? "zone_t100"|"grids_acknowledged"|"first_report"|"all_sheltered"|"basic_needs" A built-in objective instead of check
---@field within? number The time target of a built-in kind, seconds (basic_needs: default 10 h)
---@field zone? string zone_t100: the zone
---@field level? "village"|"township"|"county" first_report: whose report (default township)
---@field event? string first_report: the reported event (default: the first opened)

---@class InjectSpec
---@field at? number Seconds after the start (a timed inject); or give when
---@field when? string|fun(): boolean An event name (fires at its first occurrence) or a condition polled every poll seconds
---@field trigger? string What a conditional inject waits for, as the MSEL shows it (required with a when function)
---@field poll? number Seconds between polls of a when function (default 60)
---@field id? string The script's name for it (the "inject" event carries it)
---@field type? string information, event, media, ...
---@field delivery? string phone, radio, verbal, SMS, ...
---@field from? string Sender (real or simulated)
---@field to string Recipient
---@field text string What the recipient is told
---@field expected_action? string What the players should do
---@field objective? string The objective or capability it tests
---@field expect? fun(): boolean Whether the expected action followed
---@field within? number Seconds after firing at which expect is called (default: the end of the run)

---@class sim
sim = {}

---@return number seconds since the start
function sim.now() end
--- Starts `fn(...)` as a process at the current time.
---@param fn function
---@return Process
function sim.process(fn, ...) end
--- Waits `dt` seconds (inside a process).
---@param dt number
function sim.wait(dt) end
--- Starts `fn(...)` as a process at time `t`.
---@return Process
function sim.at(t, fn, ...) end
--- Starts `fn(...)` as a process after `dt` seconds.
---@return Process
function sim.after(dt, fn, ...) end
--- Starts `fn(...)` as a new process every `dt` seconds, first after `dt`.
---@return Process
function sim.every(dt, fn, ...) end
--- Runs `fn(payload)` as a new process each time `event_name` is emitted.
---@param fn fun(payload: table?)
function sim.on(event_name, fn) end
--- Emits an event: logged to events.jsonl, handlers start, waiters wake.
---@param payload? table numbers, strings, booleans and tables only
function sim.emit(event_name, payload) end
--- Waits (inside a process) for the next `event_name`; returns its payload.
---@return table?
function sim.wait_for(event_name) end
--- Ends the run after the current event.
---@param reason? string
function sim.stop(reason) end
--- Declares a parameter (what sweeps vary) and returns its value.
---@param spec ParamSpec
---@return any
function sim.param(name, spec) end
--- A named random stream; the same name gives the same stream.
---@return RandomStream
function sim.rng(stream_name) end
---@param spec {name: string, capacity: integer}
---@return Resource
function sim.resource(spec) end
---@param spec {name: string, capacity: number, level?: number}
---@return Container
function sim.container(spec) end
---@param spec {name: string, capacity?: integer}
---@return Store
function sim.store(spec) end
--- Records a metric: once, a scalar in summary.json; more often, a series in metrics.csv.
---@param name string dotted, like "evacuation.t90_s"
---@param value number
function sim.metric(name, value) end
---@param spec ObjectiveSpec
function sim.objective(spec) end
--- Declares an inject of the master scenario events list (top level only).
---@param spec InjectSpec
function sim.inject(spec) end
--- Writes a line to events.jsonl (kind "log") and the run log.
function sim.log(...) end

---@class MapZone
---@field id string
---@field node string
---@field x number metres east of the map origin
---@field y number metres north of the map origin
---@field population integer
---@field households integer
---@field walk_speed number m/s
---@field grid? string
---@field name? string

---@class MapFacility
---@field id string
---@field kind "shelter"|"depot"|"station"|"school"|"clinic"|"venue"|"lodging"|"substation"|"base_station"
---@field node string
---@field x number
---@field y number
---@field capacity? integer
---@field opens_at number seconds
---@field name? string

---@class MapRoute
---@field seconds number
---@field metres number
---@field links string[] link ids in travel order

---@class RouteOptions
---@field mode? "walk"|"drive" default "walk"
---@field speed? number walking speed, m/s (default 1.34)

--- The township map of `scenario{ map = ... }`.
sim.map = {}

---@return {nodes: integer, links: integer, zones: integer, facilities: integer, road_length_m: number, population: integer, shelter_capacity: integer}
function sim.map.info() end
---@return MapZone[]
function sim.map.zones() end
---@param kind? string only facilities of this kind
---@return MapFacility[]
function sim.map.facilities(kind) end
--- The fastest open route between two places (node, zone or facility ids);
--- nil and "unreachable" when every route is closed.
---@param options? RouteOptions
---@return MapRoute|nil, string?
function sim.map.route(from, to, options) end
--- The travel time of `sim.map.route`, or nil.
---@param options? RouteOptions
---@return number|nil
function sim.map.travel_time(from, to, options) end
--- Closes a link for every mode (logged as "link.closed").
function sim.map.close_link(id) end
--- Reopens a link (logged as "link.opened").
function sim.map.open_link(id) end
---@return boolean
function sim.map.is_closed(id) end
--- Links within `radius` metres of a point, nearest first.
---@return string[]
function sim.map.links_near(x, y, radius) end
---@return string|nil
function sim.map.nearest_node(x, y) end
--- Ground elevation (m) from the header's `terrain` raster, bilinear; nil outside it.
---@return number|nil
function sim.map.elevation(x, y) end

---@class FloodLinkClosed
---@field link string link id
---@field depth number deepest water on the link (m)
---@field dv number largest depth x speed on the link (m2/s)
---@field closed "drive"|"walk"|"all" modes now closed

---@class FloodThresholds
---@field car_depth? number m (default 0.3)
---@field car_dv? number depth x speed, m2/s (default 0.3)
---@field walk_depth? number m (default 0.5)
---@field walk_hazard_rating? number|"moderate"|"significant"|"extreme"|false Defra/EA HR limit for walkers (default off)
---@field land_use? "pasture"|"woodland"|"urban" debris factor of the hazard rating (default "urban")
---@field zone_depth? number "zone.wet" above this at the zone's node (default 0.1)
---@field shelter_depth? number "shelter.flooded" above this (default 0.3)
---@field facility_depth? number a substation or base station fails above this (default 0.3)
---@field trapped_depth? number a household still at home raises a "trapped" incident above this (default 0.5); once rescued it goes with the team to the nearest open shelter with room ("evacuation.rescued")

--- The flood on the header's `terrain` raster (closed edges unless
--- `sim.flood.edges` opens them; Manning's n
--- from `roughness` or 0.035). Built at the first call; advances every
--- `sim.flood.step` seconds (default 60) and closes links deeper than
--- 0.3 m (or 0.3 m2/s of depth x speed) to cars and 0.5 m to walkers
--- (event "flood.link_closed"); zones, shelters, substations get wet too.
sim.flood = {}

--- Raises the water surface to `level` (m) over every cell below it.
---@param options {level: number}
function sim.flood.fill(options) end
--- Rain on every cell (mm/h) from `from` (default now) to `to` (default never), sim seconds.
---@param options {mm_per_h: number, from?: number, to?: number}
function sim.flood.rain(options) end
--- A point inflow: constant m3/s from now, or a hydrograph { {t, q}, ... } in sim seconds,
--- or the name of a CSV file of `t_s,m3_per_s` rows (after a header) in the scenario's folder.
---@param options {x: number, y: number, m3_per_s: number|number[][]|string}
function sim.flood.inflow(options) end
---@class BreachReservoir
---@field level number water level (m)
---@field area? number|number[][] surface area (m2), or { {level, area}, ... }
---@field volume? number water above the breach bottom (m3): Froehlich's Vw
---@field inflow? number|number[][] m3/s, or { {t, q}, ... } in sim seconds

---@class BreachRiver
---@field level number|number[][] stage (m), or { {t, z}, ... } in sim seconds
---@field volume? number volume behind the levee (m3), only to size the breach

---@class BreachOptions
---@field x number
---@field y number
---@field at? number sim time the breach starts (default now)
---@field reservoir? BreachReservoir
---@field river? BreachRiver
---@field crest number embankment crest (m): the invert when the breach starts
---@field bottom number final breach invert (m)
---@field mode? "overtopping"|"piping" Froehlich's k0 1.3 or 1.0 (default "overtopping")
---@field width? number final width (m); default Froehlich (2008)
---@field formation? number seconds to full size; default Froehlich (2008)

---@class Breach
local Breach = {}
--- Discharge through the breach now (m3/s).
---@return number
function Breach:outflow() end
--- Width of the opening now (m).
---@return number
function Breach:width() end
--- Water level behind the breach now (m).
---@return number
function Breach:level() end
--- Volume let onto the grid so far (m3).
---@return number
function Breach:released() end

--- A levee or dam breach onto the cell at (x, y): a level-pool reservoir or
--- a river behind it, an opening growing linearly over its formation time,
--- broad-crested weir outflow.
---@param options BreachOptions
---@return Breach
function sim.flood.breach(options) end
--- Water depth (m) at a point now; nil outside the grid.
---@return number|nil
function sim.flood.depth_at(x, y) end
--- Water on the grid (m3) now.
---@return number
function sim.flood.volume() end
--- Seconds between flood advances (default 60, at least 1).
---@param seconds number
function sim.flood.step(seconds) end
--- Flow speed (m/s) at a point now; nil outside the grid.
---@return number|nil
function sim.flood.speed_at(x, y) end
--- Changes the rules by which water closes links and reaches places.
---@param options FloodThresholds
function sim.flood.thresholds(options) end
---@alias FloodEdge "closed"|"free"|number

--- What happens where the terrain raster ends (north is the raster's top row).
--- "closed" (the default) is a wall that keeps every litre on the grid;
--- "free" lets water out at the local water-surface slope across the edge;
--- a number lets it out at normal depth on that bed slope (m/m, >= 0).
--- Water never enters through a free edge. Edges left out keep their
--- condition; the change applies from now. Open the edge where a river
--- leaves the raster, or its water piles up against the wall.
---@param options {north?: FloodEdge, south?: FloodEdge, east?: FloodEdge, west?: FloodEdge}
function sim.flood.edges(options) end

--- The solver's q-centred weight theta (0-1) and Courant factor alpha
--- (0-1], from now on. The defaults, theta 0.7 and alpha 0.6, let water
--- come to rest; LISFLOOD-FP's own (theta = 1, alpha = 0.7) can keep a
--- closed basin or a deep one-cell channel oscillating. Set them to
--- compare with published LISFLOOD-FP runs. Fields left out keep their value.
---@param options {theta?: number, alpha?: number}
function sim.flood.scheme(options) end

--- Surface fire on the header's `fuel` raster, slope from `terrain` if any.
sim.fire = {}

--- Fuel moisture fractions; fields left out keep D2L2 (0.06, 0.07, 0.08, 0.6, 0.9).
--- Only before the first ignition.
---@param options {d1?: number, d10?: number, d100?: number, herb?: number, wood?: number}
function sim.fire.moisture(options) end
--- 20-ft open wind (m/s) and the direction it blows from (degrees). Only before the first ignition.
---@param options {speed: number, from?: number}
function sim.fire.wind(options) end
--- Ignites the cell at (x, y) now (logged as "fire.ignited").
---@param options {x: number, y: number}
function sim.fire.ignite(options) end
--- Sim time (s) the fire reached the cell at (x, y), or nil if not by now.
---@return number|nil
function sim.fire.arrival_at(x, y) end
--- Burned area (m2) at sim.now().
---@return number
function sim.fire.burned_area() end
--- Seconds a burned link stays closed after its last cell ignites (default 3600); a shelter
--- is threatened (and closes unless close_shelters = false) shelter_lead seconds (default
--- 1800) before the fire's predicted arrival within shelter_radius m (default 100) of it.
--- Before the first ignition.
--- Events: "fire.link_closed", "zone.burning", "shelter.threatened" ({..., arrival = s}).
---@param options {road_closure?: number, shelter_radius?: number, shelter_lead?: number, close_shelters?: boolean}
function sim.fire.thresholds(options) end

--- A building on fire now (t-squared compartment fire, hazards.md §8): logs
--- "fire.structure" ({id, node, flashover_s}) and reports a "structure_fire"
--- incident (source "fire") now. A first team arriving at or after the flashover
--- counts the room as lost (metric fire.structure.lost). Returns the incident id.
---@param options {id?: string, at: string, growth?: "slow"|"medium"|"fast"|"ultra_fast", door_area?: number, door_height?: number, internal_area?: number, persons?: integer, work?: number|table, priority?: integer}
---@return string
function sim.fire.structure(options) end

---@class OutageStatus
---@field power boolean
---@field network boolean

---@class OutageEvent
---@field kind "power"|"network"|"road"
---@field zone? string power and network
---@field link? string roads
---@field cause string "script", "flood:<facility>", "fire:<facility>", "debris_flow:<slope>"

--- Power, network and road cuts (三断); events "outage.start" and "outage.end".
sim.outage = {}

--- Cuts zones (or links, or what a facility supplies) at `at` (default now), for `duration` if given.
---@param options {kind?: "power"|"network"|"road", zones?: string[], links?: string[], facility?: string, at?: number, duration?: number}
function sim.outage.cut(options) end
--- Ends every cut of the targets at `at` (default now).
---@param options {kind?: "power"|"network"|"road", zones?: string[], links?: string[], facility?: string, at?: number}
function sim.outage.restore(options) end
--- Whether a zone has power and network now.
---@return OutageStatus
function sim.outage.status(zone) end

---@class GroundSlope
---@field id string
---@field links? string[] links the failure cuts
---@field class? "moderate"|"steep" default thresholds: Caine 1980 (moderate, default) or Guzzetti 2008 (steep)
---@field a? number I = a D^-b, mm/h at 1 h
---@field b? number
---@field kind? "debris_flow"|"landslide" event "ground.<kind>" (default "debris_flow")
---@field duration? number seconds the links stay cut (default 6 h)

--- Slopes that fail when the rain crosses their intensity-duration threshold.
sim.ground = {}

--- Marks a slope; it fails once, at the first crossing (event "ground.debris_flow" or "ground.landslide").
---@param options GroundSlope
function sim.ground.slope(options) end
--- Rain on the slopes only (mm/h) from `from` (default now) to `to` (default never); sim.flood.rain counts too.
---@param options {mm_per_h: number, from?: number, to?: number}
function sim.ground.rain(options) end

---@class PremovementSpec
---@field dist "fixed"|"uniform"|"lognormal"|"gamma"|"weibull"|"exponential"|"normal"
---@field seconds? number fixed
---@field min? number uniform
---@field max? number uniform
---@field mu? number lognormal (of the underlying normal)
---@field sigma? number lognormal
---@field k? number gamma shape
---@field theta? number gamma scale (s)
---@field scale? number weibull scale (s)
---@field shape? number weibull shape
---@field mean? number exponential, normal (s)
---@field sd? number normal (truncated at 0)

---@class EvacuationSpec
---@field zones string[]|string Zone ids, one id, or "all"
---@field to? string[]|string Shelter ids (default: the nearest open shelter with room)
---@field mode? "walk"|"drive"|"auto" auto (default): households with a car drive
---@field premovement? number|PremovementSpec One delay law from the warning (or order) to setting off (default: per population group, lognormal, median 5 min for residents)
---@field car_share? number In auto mode: share of each zone's households that drive (default: those with a vehicle)
---@field shadow_share? number Share of households outside the ordered zones that leave anyway (default 0.2)
---@field return_share? number Share of leaving households that go home again from the shelter (default 0)
---@field return_after? number|PremovementSpec Time from first reaching a shelter to setting off home (default lognormal, median 2 h)
---@field return_dwell? number|PremovementSpec Time at home before setting off for a shelter again (default lognormal, median 20 min)
---@field return_stay_share? number Share of returning households that stay home (default 0)

---@class EvacuationOrdered
---@field households integer
---@field persons integer

---@class EvacuationStatus
---@field persons integer ordered out
---@field safe integer admitted to a shelter
---@field sheltered_in_place integer no open route to a shelter with room
---@field en_route integer not yet safe (including those still preparing)
---@field t50? number seconds from the order until half had first reached a shelter
---@field t90? number
---@field t100? number

---@class ShelterStatus
---@field occupancy integer
---@field queued integer persons at the door (admission rate or not open yet)
---@field peak integer
---@field capacity? integer
---@field open boolean
---@field full boolean
---@field closed boolean

--- Orders zones out now: households leave after their pre-movement time
--- and move on the links as queues (free-flow time, flow capacity,
--- storage, spillback) to the nearest shelter with room, re-routing when
--- links close or shelters fill. Logs "evacuation.order"; later
--- "shelter.full", "shelter.closed", "shelter.opened" and
--- "evacuation.settled" (fields safe, sheltered_in_place, rerouted,
--- stranded, turned_back), each of which starts `sim.on` handlers.
--- Households that return (return_share) leave their shelter, travel
--- home on the live network (staying if the way is cut) and log
--- "evacuation.return", "evacuation.home", "evacuation.return_blocked",
--- "evacuation.return_diverted".
--- Metrics: evacuation.t50_s/t90_s/t100_s (to the first arrival at a
--- shelter), evacuation.<zone>.t100_s, group.<group>.t100_s,
--- evacuation.safe, evacuation.sheltered_in_place, evacuation.returned,
--- evacuation.returned_exposed, evacuation.return_blocked,
--- shelter.<id>.peak, ...
---@param spec EvacuationSpec
---@return EvacuationOrdered
function sim.evacuate(spec) end

---@class WarnSpec
---@field zones string[]|string Zone ids, one id, or "all"
---@field channels ("broadcast"|"sms"|"wechat"|"call"|"gong"|"door")[]
---@field message? string
---@field at? number When the warning is issued (default now)
---@field call_and_answer? boolean Whether grid responsible persons must acknowledge (default true)
---@field gongs? {x: number, y: number}[] Where gongs sound (default: each zone's centre)

---@class ChannelSpec
---@field delay? number Seconds from the warning to the first reach
---@field time_constant? number Exponential reach curve (s)
---@field half_time? number Logistic reach curve: half time (s)
---@field spread? number Logistic reach curve: spread (s)
---@field reach? number|table<string, number> Reachable share, or per group ({ default = .8, elderly = .5 })
---@field needs? ("power"|"network")[] What must be up in the household's zone
---@field radius? number Gong audibility radius (m)
---@field walk_speed? number Door to door: staff walking speed (m/s)
---@field time_per_door? number Door to door: seconds per door

---@class CallAndAnswerSpec
---@field call_delay? number Seconds until the responsible person's phone rings (30)
---@field answer_probability? number (0.95)
---@field ack_median? number Median seconds from answering to acknowledging (120)
---@field ack_sigma? number Lognormal sigma of that delay (0.8)
---@field deadline? number Seconds after the warning to acknowledge by (900)
---@field recall_deadline? number Seconds after the re-call before door to door (600)
---@field needs? ("power"|"network")[] What a call needs in the grid's zone

--- Issues a warning to zones by channels; each grid's responsible person
--- must acknowledge (叫应) by the deadline or is escalated. Outages
--- (sim.outage.cut) silence the channels that need power or network.
--- Households of warned zones that are ordered out leave at their first
--- warning plus their pre-movement time. Logs "warning.issued" and, per
--- grid, "warning.warned", "warning.acknowledged", "warning.escalated",
--- "warning.door_started", "warning.door_finished".
--- Metrics: warning.<grid>.ack_s, warning.grids_acknowledged, ...
---@param spec WarnSpec
function sim.warn(spec) end

---@class PopulationSpec
---@field compliance? number|table<string, number> Share of households that follow an order, or per group (default 1)
---@field vehicle_share? number Households with a car (0.4)
---@field second_vehicle_share? number Car owners with a second car (0.1)
---@field visitor_vehicle_share? number Visitor parties with a car (0.8)
---@field elderly_alone_assistance_share? number Elderly living alone who need help to leave (0.3)
---@field household_size? number Persons per household where a zone gives none (2.62)
---@field scatter_radius? number Metres around the zone's point households are scattered over (0)
---@field extra? {zone: string, group: "residents"|"elderly"|"children"|"mobility_impaired"|"visitors"|"school"|"clinic", persons: integer}[] Persons present on top of a zone's population (weekend guests, a school festival)
---@field group_shares? table<string, number> Shares by group for zones whose map gives none ({ elderly = 0.22, children = 0.14 }; default none)
---@field school_persons? integer Children and staff at each school facility during school hours (0)
---@field school_in_session? boolean false leaves the schools empty (true)
---@field clinic_persons? integer People needing help at each clinic or care home (0)
---@field lodging_guests? integer Guests at each lodging facility, in visitor parties (0)
---@field walk_speed? table<string, number|false> Walking speed (m/s) by group where slower than the zone's; a household walks at its slowest member's (none by default; measured: elderly 0.85, mobility_impaired 0.6; false: the zone's speed)

--- How the household roster is drawn from the map's zones; call it before
--- the first sim.evacuate, sim.warn or sim.warning call.
---@param spec PopulationSpec
function sim.population(spec) end

sim.warning = {}
--- Replaces parts of a channel's standard model; before the first sim.warn.
---@param name "broadcast"|"sms"|"wechat"|"call"|"gong"|"door"
---@param spec ChannelSpec
function sim.warning.channel(name, spec) end
--- Sets the 叫应 policy; before the first sim.warn.
---@param spec CallAndAnswerSpec
function sim.warning.call_and_answer(spec) end

sim.evacuation = {}
--- Everyone ordered out so far, or one zone's households.
---@param zone? string
---@return EvacuationStatus
function sim.evacuation.status(zone) end
--- The all-clear (解除): the zones' sheltered households go home now and
--- stay there, those on their way go home once admitted, those not yet
--- set off stay home. Logs "evacuation.all_clear".
---@param spec {zones: string[]|string}
---@return EvacuationOrdered
function sim.evacuation.all_clear(spec) end

sim.shelter = {}
--- Closes a threatened shelter for good: no one else is admitted and
--- those heading there re-route (logged as "shelter.closed").
function sim.shelter.close(id) end
---@return ShelterStatus
function sim.shelter.status(id) end

--- Response: teams, incidents, dispatch, reinforcements (built at run start on a map with stations, depots or shelters, else at the first call; needs a map).
---@alias TeamKind "fire_rescue"|"water_rescue"|"medical"|"hazmat"|"mine"|"militia"|"reservists"|"micro_fire_station"|"property_staff"|"security_guards"|"volunteers"
---@alias IncidentKind "trapped"|"structure_fire"|"injured"|"assistance"|"other"

--- Declares a team (or redefines a station's default team before its first job); returns its id.
---@param options {id?: string, kind: TeamKind, station: string, size?: integer, skills?: string[], vehicle?: "car"|"boat"|"foot", call_out?: number, off_duty_call_out?: number, shifts?: {from: number, to: number}[]}
---@return string
function sim.team(options) end
--- Reports an incident now; returns its id. `work` is seconds or {dist = "exponential"|"lognormal"|"uniform", ...}.
---@param options {id?: string, kind?: IncidentKind, at: string, priority?: integer, skills?: string[], work?: number|table, persons?: integer, source?: string}
---@return string
function sim.incident(options) end
--- Sends a team to an incident now (ids or payload tables); raises if busy, served or unreachable.
---@param team string|table
---@param incident string|table
function sim.dispatch(team, incident) end
--- Asks the county for `count` teams that join at `at` after `delay` seconds (default 3600).
---@param options {kind?: TeamKind, id?: string, at: string, delay?: number, count?: integer, size?: integer, skills?: string[], vehicle?: "car"|"boat"|"foot", call_out?: number}
function sim.request_reinforcement(options) end
--- Activates the command post now (the first call counts).
function sim.command_post() end

sim.teams = {}
--- Every team: {id, kind, force, state, node, station, size, vehicle, skills, jobs, available, incident?}.
---@return table[]
function sim.teams.list() end
--- One team's table.
---@return table
function sim.teams.get(id) end
--- The default policy's choice for an incident and its seconds to the scene, or nil.
---@return string|nil, number|nil
function sim.teams.nearest(incident) end
--- Queued incident ids, most urgent first.
---@return string[]
function sim.teams.queue() end
--- Runs the default dispatch policy once over the queue.
function sim.teams.assign_queued() end

--- Reporting chain: village -> township -> county, with deadlines.
sim.reports = {}
--- Replaces the deadline rules (before any event is opened).
---@param rules {level: "village"|"township"|"county", stage: "first"|"follow_up"|"final", within: number, every?: number}[]
function sim.reports.rules(rules) end
--- Opens an event that occurred at `occurred_at` (default now).
function sim.reports.open(id, occurred_at) end
--- Closes an event: follow-ups stop, final reports fall due.
function sim.reports.close(id) end
--- Files a report; returns on_time and the due time, or nil when no rule asks for it.
---@param options {event: string, level?: "village"|"township"|"county", stage?: "first"|"follow_up"|"final"}
---@return boolean|nil, number|nil
function sim.report(options) end

--- Supplies: depots, shelters, deliveries, agreement reserves (built at run start on a map with stations, depots or shelters, else at the first call; needs a map).
---@alias SupplyItem "water"|"food"|"blankets"|"medicine"|"sandbags"
sim.supply = {}
---@param options {id: string, at?: string}
function sim.supply.depot(options) end
--- A shelter; `use` is per person per hour by item (default water 0.125 L, food 0.125).
---@param options {id: string, at?: string, use?: table<SupplyItem, number>}
function sim.supply.shelter(options) end
---@param options {id: string, depot: string, capacity: number}
function sim.supply.vehicle(options) end
--- Stock of an item at a depot or shelter now.
---@param item SupplyItem
---@return number
function sim.supply.stock(site, item) end
--- Adds (or removes, down to 0) stock now; returns the change.
---@param item SupplyItem
---@return number
function sim.supply.add(site, item, amount) end
--- Persons at a shelter now; consumption follows continuously.
function sim.supply.occupancy(shelter, people) end
--- Orders a delivery; returns its number. Each leg takes the fastest open
--- road when the truck sets off; a road closing ahead of it re-routes it
--- from the next node ("supply.rerouted" {delivery, item, amount, from,
--- to, arrival}) or, with no road on, turns it back to the depot with its
--- load ("supply.turned_back" {..., reason, arrival?}; the delivery
--- fails). Metrics supply.reroutes, supply.reroute_delay_s,
--- supply.deliveries_failed.
---@param options {item: SupplyItem, amount: number, from: string, to: string, vehicle?: string}
---@return integer
function sim.supply.deliver(options) end
--- Runs fn{site, item, level} as a process whenever the stock falls to `level`.
---@param item SupplyItem
---@param fn fun(event: table)
function sim.supply.on_low_stock(site, item, level, fn) end
---@param options {id: string, supplier?: string, item: SupplyItem, amount: number, lead_time: number, depot: string}
function sim.supply.reserve(options) end
--- Calls off a reserve: its stock reaches the depot after the lead time.
function sim.supply.call_off(id) end
